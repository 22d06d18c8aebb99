using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// Tells what a path is and how large before anything opens it (Linux <c>statx</c>, whose buffer
/// layout is the same on every architecture; elsewhere .NET's own file information, which cannot
/// tell a FIFO from a file). One system call, no allocation beyond a 256-byte buffer per thread.
/// </summary>
public static class FileProbe
{
    // The statx layout and the errno values are NativeFiles' (one definition of the kernel ABI).
    private const int StatxSize = NativeFiles.StatxSize;
    private const int CurrentDirectory = NativeFiles.CurrentDirectory;

    /// <summary><c>STATX_TYPE | STATX_MODE | STATX_SIZE</c>: only what is needed.</summary>
    private const uint WantedFields = 0x001 | 0x002 | 0x200;

    private const int ModeOffset = NativeFiles.ModeOffset;
    private const int SizeOffset = NativeFiles.SizeOffset;
    private const int FileTypeMask = NativeFiles.FileTypeMask;
    private const int NotFound = NativeFiles.NotFound;
    private const int NotADirectory = NativeFiles.NotADirectory;
    private const int TooManyLinks = 40;

    [ThreadStatic]
    private static byte[]? _buffer;

    private static bool _nativeUnavailable = !OperatingSystem.IsLinux();

    /// <summary>The kind of file at an absolute path and its size in bytes (0 unless <see cref="FileKind.Regular"/>).</summary>
    public static (FileKind Kind, long Size) Probe(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (fullPath.Contains('\0', StringComparison.Ordinal))
        {
            throw new IOException($"'{Printable(fullPath)}' contains a NUL character, which no file name may hold");
        }

        if (!_nativeUnavailable)
        {
            try
            {
                return ProbeNative(fullPath);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                _nativeUnavailable = true;
            }
        }

        return ProbeManaged(fullPath);
    }

    /// <summary>
    /// Throws <see cref="IOException"/> naming the path unless it is a regular file of at most
    /// <paramref name="maxBytes"/> bytes; <see cref="FileNotFoundException"/> when nothing is there.
    /// Returns the size.
    /// </summary>
    public static long RequireRegular(string fullPath, long maxBytes = long.MaxValue)
    {
        var (kind, size) = Probe(fullPath);
        switch (kind)
        {
            case FileKind.Regular when size > maxBytes:
                throw new IOException($"'{fullPath}' is {size:N0} bytes, more than the {maxBytes:N0} bytes this file may have");
            case FileKind.Regular:
                return size;
            case FileKind.Missing:
                throw new FileNotFoundException($"'{fullPath}' does not exist", fullPath);
            default:
                throw new IOException($"'{fullPath}' is {Describe(kind)}, not a regular file");
        }
    }

    /// <summary>"a FIFO", "a directory", ... for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (a named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.LinkLoop => "a loop of symbolic links",
        _ => "of an unknown kind",
    };

    private static (FileKind Kind, long Size) ProbeNative(string fullPath)
    {
        var buffer = _buffer ??= new byte[StatxSize];
        if (Statx(CurrentDirectory, fullPath, 0, WantedFields, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error switch
            {
                NotFound or NotADirectory => (FileKind.Missing, 0),
                TooManyLinks => (FileKind.LinkLoop, 0),
                _ => throw new IOException($"cannot stat '{fullPath}': {Marshal.GetPInvokeErrorMessage(error)}"),
            };
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset));
        var kind = (mode & FileTypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Regular,
        };
        var size = kind == FileKind.Regular ? BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(SizeOffset)) : 0;
        return (kind, size);
    }

    private static (FileKind Kind, long Size) ProbeManaged(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.Exists)
        {
            return (FileKind.Regular, info.Length);
        }

        return Directory.Exists(fullPath) ? (FileKind.Directory, 0) : (FileKind.Missing, 0);
    }

    private static string Printable(string path) => path.Replace("\0", "\\0", StringComparison.Ordinal);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
