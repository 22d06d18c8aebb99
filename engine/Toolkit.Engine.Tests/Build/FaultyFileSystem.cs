using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// A <see cref="MemoryFileSystem"/> whose writes fail for chosen paths as a real disk's do: a full
/// disk (ENOSPC, as <see cref="IOException"/>), or an unwritable file (<see cref="UnauthorizedAccessException"/>).
/// </summary>
internal sealed class FaultyFileSystem(MemoryFileSystem files) : IFileSystem
{
    /// <summary>Paths (or, ending in '*', prefixes) whose writes fail with "No space left on device".</summary>
    public HashSet<string> Full { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths whose writes fail with "Access denied".</summary>
    public HashSet<string> ReadOnly { get; } = new(StringComparer.Ordinal);

    public FileStamp Stat(string path) => files.Stat(path);

    public Stream OpenRead(string path) => files.OpenRead(path);

    public byte[] ReadAllBytes(string path) => files.ReadAllBytes(path);

    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        if (Full.Contains(path) || Full.Contains("*"))
        {
            throw new IOException($"No space left on device : '/project/{path}'");
        }

        if (ReadOnly.Contains(path))
        {
            throw new UnauthorizedAccessException($"Access to the path '/project/{path}' is denied.");
        }

        files.WriteAllBytes(path, contents);
    }

    public void Delete(string path) => files.Delete(path);

    public bool DirectoryExists(string path) => files.DirectoryExists(path);
}
