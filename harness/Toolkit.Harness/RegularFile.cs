using System.Runtime.InteropServices;

namespace Toolkit.Harness;

/// <summary>
/// Says whether a path names a regular file before anything opens it: opening a FIFO for reading
/// blocks until a writer comes (a hang), and a device such as /dev/zero reports length 0 and then
/// never ends. .NET's FileInfo cannot tell these from a file, so on Linux the file type comes from
/// statx(2), whose struct layout is the same on every architecture; elsewhere only "missing" and
/// "a directory" are told apart.
/// </summary>
public static class RegularFile
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferBytes = 256;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int SymbolicLinkLoop = 40;

    /// <summary>Null when <paramref name="path"/> is a regular file (after following symbolic links); otherwise why it is not, e.g. "is a FIFO".</summary>
    public static string? WhyNot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            return WhyNotOnLinux(path);
        }

        return Directory.Exists(path) ? "is a directory" : File.Exists(path) ? null : "does not exist";
    }

    private static string? WhyNotOnLinux(string path)
    {
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

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
