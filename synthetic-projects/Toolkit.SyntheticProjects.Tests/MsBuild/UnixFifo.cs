using System.Runtime.InteropServices;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// Makes a named pipe (Unix only): opening it for reading blocks until a writer comes, which is
/// how a test makes an MSBuild evaluation hang without any network or timing trick.
/// </summary>
public static class UnixFifo
{
    public static void Create(string path)
    {
        if (MakeFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Opens the pipe for writing and closes it, so a blocked reader sees end of file; never waits for that.</summary>
    public static void Release(string path) =>
        _ = Task.Run(() =>
        {
            using var writer = new FileStream(path, FileMode.Open, FileAccess.Write);
        });

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
