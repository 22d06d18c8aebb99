using System.Runtime.InteropServices;

namespace Toolkit.SyntheticProjects.Importing;

/// <summary>
/// Checks an importer's input before anything opens it: opening a FIFO for reading blocks until a
/// writer comes (a hang), a device such as /dev/zero never ends, a symbolic-link loop fails deep in
/// a read. On Linux the file type comes from statx(2) (same struct layout on every architecture);
/// elsewhere only "missing" and "a directory" are told apart. Then reads the file whole, refusing one
/// larger than <see cref="MaximumBytes"/> before a byte is allocated.
/// </summary>
public static class InputFile
{
    /// <summary>The largest input read: a .NET string holds at most about a billion characters, and the largest real build.ninja files (Chromium's, all included files together) are a few hundred MB.</summary>
    public const long MaximumBytes = 1L << 30;

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferBytes = 256;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int SymbolicLinkLoop = 40;

    /// <summary>Null when <paramref name="path"/> is a regular file (after following symbolic links); otherwise why not, e.g. "is a FIFO".</summary>
    public static string? WhyNot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? "is a directory" : File.Exists(path) ? null : "does not exist";
        }

        var buffer = new byte[StatxBufferBytes];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                NoSuchFile or NotADirectory => "does not exist",
                SymbolicLinkLoop => "is a loop of symbolic links",
                var errno => $"cannot be examined ({Marshal.GetPInvokeErrorMessage(errno)})",
            };
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & FileTypeMask) switch
        {
            0x8000 => null,
            0x4000 => "is a directory",
            0x1000 => "is a FIFO (a named pipe), not a file",
            0x2000 => "is a character device, not a file",
            0x6000 => "is a block device, not a file",
            0xC000 => "is a socket, not a file",
            _ => "is not a regular file",
        };
    }

    /// <summary>The file's text (UTF-8), or null with <paramref name="why"/> saying what is wrong with it.</summary>
    public static string? TryReadText(string path, out string? why)
    {
        why = WhyNot(path);
        if (why is not null)
        {
            return null;
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaximumBytes)
            {
                why = $"is {length:N0} bytes, more than the {MaximumBytes:N0} an import reads";
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            why = $"cannot be read ({exception.Message})";
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
