using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// An exclusive advisory lock on a file (Linux <c>flock</c>), which the kernel releases when the
/// process ends, however it ends (kill -9 included), so a lock is never left stale. The descriptor
/// is close-on-exec: the compilers a build starts do not inherit it. The file's text says who holds
/// it (for the message of the process that finds it held) and is read without taking the lock.
/// Elsewhere .NET's own file-share lock stands in (same guarantee, no owner text while held).
/// </summary>
internal sealed class ExclusiveFileLock : IDisposable
{
    private const int ReadOnly = 0x0;
    private const int ReadWrite = 0x2;
    private const int Create = 0x40;
    private const int CloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int NoBlock = 4;
    private const int Unlock = 8;
    private const int WouldBlock = 11;
    private const int MaxOwnerBytes = 4096;

    private readonly FileStream _stream;

    private ExclusiveFileLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock, or null when another process (or another open of this one) holds it.</summary>
    public static ExclusiveFileLock? TryAcquire(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                return new ExclusiveFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                return null;
            }
        }

        var descriptor = Open(path, ReadWrite | Create | CloseOnExec, Convert.ToInt32("644", 8));
        if (descriptor < 0)
        {
            throw new IOException($"cannot open the lock file '{path}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Flock(descriptor, LockExclusive | NoBlock) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            return error == WouldBlock ? null : throw new IOException($"cannot lock '{path}': {Marshal.GetPInvokeErrorMessage(error)}");
        }

        return new ExclusiveFileLock(new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0));
    }

    /// <summary>What the file says (its owner line), read without locking; empty when it cannot be read.</summary>
    public static string ReadText(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return string.Empty;
        }

        var descriptor = Open(path, ReadOnly | CloseOnExec, 0);
        if (descriptor < 0)
        {
            return string.Empty;
        }

        using var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
        var buffer = new byte[MaxOwnerBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    /// <summary>What the file said when the lock was taken (a previous holder's line when it did not clear it).</summary>
    public string ReadText()
    {
        _stream.Position = 0;
        var buffer = new byte[MaxOwnerBytes];
        var length = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    /// <summary>Replaces the file's text.</summary>
    public void WriteText(string text)
    {
        _stream.SetLength(0);
        _stream.Position = 0;
        _stream.Write(Encoding.UTF8.GetBytes(text));
        _stream.Flush();
    }

    /// <summary>The open descriptor (for a test that duplicates it, as a process forked meanwhile holds a copy).</summary>
    internal SafeFileHandle Handle => _stream.SafeFileHandle;

    /// <summary>Releases the lock (the file stays: deleting a lock file races with the next taker). Unlocked explicitly before the
    /// close: a process another thread forks holds a copy of the descriptor until it execs (close-on-exec closes it only then),
    /// and the close alone would leave the lock held by that copy; an engine test then found its own project "held by another
    /// process" after its previous build had ended cleanly.</summary>
    public void Dispose()
    {
        if (OperatingSystem.IsLinux() && !_stream.SafeFileHandle.IsClosed)
        {
            _ = Flock((int)_stream.SafeFileHandle.DangerousGetHandle(), Unlock);
        }
        _stream.Dispose();
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int descriptor, int operation);
}
