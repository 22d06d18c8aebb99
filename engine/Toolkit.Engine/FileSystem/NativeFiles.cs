using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// The disk's two hot calls without a managed object per file: a stat (Linux <c>statx</c> without following a final
/// symbolic link, as <see cref="FileInfo"/> reports a link) and a whole-file read into a caller's reused buffer
/// (<c>open</c>/<c>read</c>/<c>close</c>). The path is encoded into a per-thread UTF-8 buffer, root and relative part
/// joined there, so neither call makes a string, a <see cref="FileInfo"/>, a <see cref="FileStream"/> or a handle
/// object: a stat costs nothing on the managed heap where <see cref="FileInfo"/> cost ~380 bytes and the joined path
/// ~120. Each method answers only the plain case (a regular file or a missing one, reached without a link) and says
/// false otherwise, and the caller then takes .NET's own path, so every other case (a symbolic link, a FIFO, a
/// permission error, a name with a NUL, another operating system) behaves and fails exactly as before. Costs: a
/// P/Invoke per call and two buffers per thread that calls (256 bytes and the longest path).
/// </summary>
internal static class NativeFiles
{
    /// <summary>Size of <c>struct statx</c>, fixed by the kernel ABI (the same layout on every architecture).</summary>
    internal const int StatxSize = 256;

    /// <summary><c>AT_FDCWD</c>: the paths given are absolute, so the directory is never used.</summary>
    internal const int CurrentDirectory = -100;

    /// <summary><c>AT_SYMLINK_NOFOLLOW</c>: a final link is reported as itself, as <see cref="FileInfo"/> reports it.</summary>
    private const int NoFollow = 0x100;

    /// <summary><c>STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_SIZE</c>.</summary>
    private const uint WantedFields = 0x001 | 0x002 | 0x040 | 0x200;

    internal const int ModeOffset = 28;
    internal const int SizeOffset = 40;
    private const int ModifiedSecondsOffset = 112;
    private const int ModifiedNanosecondsOffset = 120;
    internal const int FileTypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    internal const int NotFound = 2;
    internal const int NotADirectory = 20;
    private const int NanosecondsPerTick = 100;

    /// <summary><c>O_RDONLY | O_CLOEXEC | O_NOCTTY</c> (Linux values, the same on x64 and arm64).</summary>
    private const int OpenFlags = 0x0 | 0x80000 | 0x100;

    /// <summary>A read interrupted by a signal (<c>EINTR</c>) is simply repeated.</summary>
    private const int Interrupted = 4;

    [ThreadStatic]
    private static byte[]? _statBuffer;

    [ThreadStatic]
    private static byte[]? _pathBuffer;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Stats <paramref name="root"/> (UTF-8, absolute, no trailing slash unless "/") joined with <paramref name="path"/>
    /// (relative, or absolute on its own). True with the stamp when the answer is plain: a regular file (its size and
    /// last-write time in <see cref="DateTime.Ticks"/>, as <see cref="FileSystemInfo.LastWriteTimeUtc"/> gives them), a
    /// directory or nothing at the path (<see cref="FileStamp.Missing"/>). False for anything else, left to the caller.
    /// </summary>
    public static bool TryStat(ReadOnlySpan<byte> root, string path, out FileStamp stamp)
    {
        stamp = FileStamp.Missing;
        if (_unavailable || !TryEncode(root, path, out var encoded))
        {
            return false;
        }

        var buffer = _statBuffer ??= new byte[StatxSize];
        int result;
        try
        {
            result = Statx(CurrentDirectory, encoded, NoFollow, WantedFields, buffer);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        if (result != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NotFound or NotADirectory; // Missing; a permission error or a loop is the caller's to judge
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & FileTypeMask;
        if (type == DirectoryType)
        {
            return true; // Missing: a directory is no file
        }

        if (type != RegularType)
        {
            return false; // a link (whose target decides), a FIFO, a device: the caller's own stat says
        }

        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(SizeOffset));
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(ModifiedSecondsOffset));
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(ModifiedNanosecondsOffset));
        stamp = new FileStamp(size, DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / NanosecondsPerTick));
        return true;
    }

    /// <summary>
    /// Reads the whole regular file at <paramref name="root"/> joined with <paramref name="path"/> into
    /// <paramref name="buffer"/> (replaced by a larger array when too small), at most <paramref name="maxBytes"/>
    /// bytes. True with the length read; false when anything is not plain (not a regular file, reached through a
    /// link, too large, an error), and nothing is promised about the buffer's contents.
    /// </summary>
    public static bool TryReadAll(ReadOnlySpan<byte> root, string path, long maxBytes, ref byte[] buffer, out int length)
    {
        length = 0;
        if (!TryStat(root, path, out var stamp) || !stamp.Exists || stamp.Size > maxBytes)
        {
            return false;
        }

        // TryStat just encoded the same path into the thread's buffer.
        var encoded = _pathBuffer!;
        int descriptor;
        try
        {
            descriptor = Open(encoded, OpenFlags);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        if (descriptor < 0)
        {
            return false;
        }

        try
        {
            if (buffer.Length < stamp.Size + 1)
            {
                // One byte more than the size: a read that fills it shows the file grew since the stat.
                buffer = new byte[stamp.Size + 1];
            }

            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxBytes)
                    {
                        return false;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes, (long)buffer.Length * 2));
                }

                var read = Read(descriptor, ref buffer[length], buffer.Length - length);
                if (read == 0)
                {
                    return true;
                }

                if (read < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    return false;
                }

                length += (int)read;
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    /// <summary>The root of a file system as NUL-free UTF-8 bytes, for the methods above.</summary>
    public static byte[] EncodeRoot(string root) => Encoding.UTF8.GetBytes(root);

    /// <summary>Joins root and path as <see cref="Path.Join(string, string)"/> does, NUL-terminated, into the thread's buffer; false for a NUL in the path.</summary>
    private static bool TryEncode(ReadOnlySpan<byte> root, string path, out byte[] encoded)
    {
        encoded = _pathBuffer ??= new byte[256];
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var rooted = path[0] == '/';
        var prefix = rooted ? 0 : root.Length + (root.Length > 0 && root[^1] == (byte)'/' ? 0 : 1);
        var needed = prefix + Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        if (encoded.Length < needed)
        {
            encoded = _pathBuffer = new byte[Math.Max(needed, encoded.Length * 2)];
        }

        if (!rooted)
        {
            root.CopyTo(encoded);
            encoded[prefix - 1] = (byte)'/';
        }

        var written = Encoding.UTF8.GetBytes(path, encoded.AsSpan(prefix));
        encoded[prefix + written] = 0;
        return true;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int descriptor, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
