using System.Runtime.InteropServices;

namespace Toolkit.Harness.Tests.Results;

/// <summary>Special files for the hostile-input tests: a FIFO (named pipe) made with mkfifo(3).</summary>
internal static class UnixFiles
{
    public static void MakeFifo(string path)
    {
        if (MakeFifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
