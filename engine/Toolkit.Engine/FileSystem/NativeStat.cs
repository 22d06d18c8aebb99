using System.Runtime.InteropServices;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// stat(2) without a string or a <see cref="FileInfo"/> per file, for the build image's check of every recorded
/// path: the path is joined in a stack buffer and the result read from a stack <c>struct stat</c>. Linux x64 only
/// (the struct's layout is the kernel ABI's: st_mode at 24, st_size at 48, st_mtim at 88); elsewhere, or when libc
/// lacks the symbol (glibc before 2.33 exports only __xstat), <see cref="TryStat"/> says no and the caller uses
/// <see cref="DiskFileSystem.Stat"/>. Like <see cref="FileInfo"/> it reports a symbolic link's own size and time (lstat), calls a directory, or a link to
/// one, missing, and a broken link present,
/// and converts the time as .NET does (Unix epoch + seconds + nanoseconds / 100), so both give equal stamps.
/// Blittable arguments only: NativeAOT needs no marshalling stub.
/// </summary>
internal static unsafe class NativeStat
{
    private const int StatBufferSize = 144;
    private const int ModeOffset = 24;
    private const int SizeOffset = 48;
    private const int SecondsOffset = 88;
    private const int NanosecondsOffset = 96;
    private const uint FileTypeMask = 0xF000; // S_IFMT
    private const uint DirectoryType = 0x4000; // S_IFDIR
    private const uint LinkType = 0xA000; // S_IFLNK

    /// <summary>Longest joined path stat'ed from the stack (PATH_MAX); longer ones go through the managed stat.</summary>
    private const int MaxPath = 4096;

    private static bool _unavailable = !(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64);

    /// <summary>Stats <paramref name="root"/> + '/' + <paramref name="path"/> (just <paramref name="path"/> when <paramref name="root"/> is empty); false when this cannot be done natively.</summary>
    public static bool TryStat(ReadOnlySpan<byte> root, ReadOnlySpan<byte> path, out FileStamp stamp)
    {
        stamp = FileStamp.Unknown;
        var length = root.Length + (root.Length > 0 ? 1 : 0) + path.Length;
        if (_unavailable || length + 1 > MaxPath || path.Contains((byte)0))
        {
            return false;
        }

        var joined = stackalloc byte[length + 1];
        var span = new Span<byte>(joined, length + 1);
        root.CopyTo(span);
        var at = root.Length;
        if (root.Length > 0)
        {
            span[at++] = (byte)'/';
        }

        path.CopyTo(span[at..]);
        span[length] = 0;
        var buffer = stackalloc byte[StatBufferSize];
        int result;
        try
        {
            result = lstat(joined, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        if (result != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is 2 or 20) // ENOENT, ENOTDIR: missing, as FileInfo says
            {
                stamp = FileStamp.Missing;
                return true;
            }

            return false; // EACCES, ELOOP, ...: let the managed stat decide
        }

        var mode = *(uint*)(buffer + ModeOffset);
        if ((mode & FileTypeMask) == LinkType)
        {
            // As FileInfo: the link's own size and time, but a link to a directory is no file (a broken link is one).
            var target = stackalloc byte[StatBufferSize];
            if (stat(joined, target) == 0 && (*(uint*)(target + ModeOffset) & FileTypeMask) == DirectoryType)
            {
                stamp = FileStamp.Missing;
                return true;
            }
        }
        else if ((mode & FileTypeMask) == DirectoryType)
        {
            stamp = FileStamp.Missing;
            return true;
        }

        var seconds = *(long*)(buffer + SecondsOffset);
        var nanoseconds = *(long*)(buffer + NanosecondsOffset);
        var ticks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / TimeSpan.NanosecondsPerTick);
        stamp = new FileStamp(*(long*)(buffer + SizeOffset), ticks);
        return true;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int stat(byte* path, byte* buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int lstat(byte* path, byte* buffer);
}
