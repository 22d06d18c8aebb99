using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// Creates the directories that outputs go into, and refuses one that resolves outside the project
/// root: a symbolic link inside the project (<c>out -&gt; /somewhere</c>) would otherwise let a build
/// write, and <c>clean</c> delete, files in a folder the user never gave the engine. The manifest's
/// paths are already relative without '..' (<see cref="Manifest.ManifestPathRule"/>); this closes the
/// one way left out of the root, which only the disk can tell.
/// Cost: one <c>realpath</c> of the deepest existing ancestor per distinct output directory and build
/// (the answer is cached), nothing per file; no directory is created before the check.
/// </summary>
public sealed class OutputDirectories(string root)
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly ConcurrentDictionary<string, byte> _checked = new(StringComparer.Ordinal);
    private string? _realRoot;

    /// <summary>
    /// Makes sure the directory <paramref name="fullDirectory"/> exists inside the project; throws an
    /// <see cref="IOException"/> naming the link's target when it resolves outside the root.
    /// </summary>
    public void Ensure(string fullDirectory)
    {
        if (string.IsNullOrEmpty(fullDirectory) || _checked.ContainsKey(fullDirectory))
        {
            return;
        }

        var realRoot = _realRoot ??= Resolve(_root).Real;
        var (existing, real) = Resolve(fullDirectory);
        if (!IsInside(real, realRoot))
        {
            var relative = Path.GetRelativePath(_root, existing).Replace('\\', '/');
            throw new IOException($"'{relative}' leads to '{RealPath(existing)}' through a symbolic link, outside the project '{realRoot}'; no output is written outside the project");
        }

        Directory.CreateDirectory(fullDirectory);
        _checked.TryAdd(fullDirectory, 0);
    }

    /// <summary>The deepest existing part of <paramref name="path"/>, and the path with that part's links resolved.</summary>
    private static (string Existing, string Real) Resolve(string path)
    {
        var existing = path;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { Length: > 0 } parent)
        {
            existing = parent;
        }

        var rest = Path.GetRelativePath(existing, path);
        var real = RealPath(existing);
        return (existing, rest == "." ? real : Path.Join(real, rest));
    }

    private static bool IsInside(string path, string root) =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal) && (root.EndsWith('/') || path[root.Length] == '/'));

    /// <summary>The path with every symbolic link resolved, as realpath(3) gives it (the full path where it cannot tell).</summary>
    private static string RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Path.GetFullPath(path);
        }

        var resolved = NativeRealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return Path.GetFullPath(path);
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? path;
        }
        finally
        {
            Marshal.FreeHGlobal(resolved); // free(3) on Unix
        }
    }

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr NativeRealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);
}
