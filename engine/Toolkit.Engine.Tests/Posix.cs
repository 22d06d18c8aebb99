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

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
