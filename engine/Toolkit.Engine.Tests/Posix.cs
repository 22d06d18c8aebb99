using System.Runtime.InteropServices;

namespace Toolkit.Engine.Tests;

/// <summary>The few POSIX calls the tests of special files need (Linux).</summary>
internal static class Posix
{
    /// <summary>Makes a named pipe: opening it for reading blocks until a writer comes.</summary>
    public static void MakeFifo(string path)
    {
        if (MakeFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>A second descriptor of the same open file (what a forked child holds until it execs); -1 on failure.</summary>
    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static extern int Dup(int descriptor);

    /// <summary>Closes a descriptor.</summary>
    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int descriptor);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
