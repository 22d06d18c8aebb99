using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>Wraps a file system and counts stats and reads per path.</summary>
internal sealed class CountingFileSystem : IFileSystem
{
    private readonly IFileSystem _inner;

    public CountingFileSystem(IFileSystem inner)
    {
        _inner = inner;
    }

    public ConcurrentDictionary<string, int> Stats { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public FileStamp Stat(string path)
    {
        Stats.AddOrUpdate(path, 1, (_, n) => n + 1);
        return _inner.Stat(path);
    }

    public Stream OpenRead(string path) => _inner.OpenRead(path);

    public byte[] ReadAllBytes(string path)
    {
        Reads.AddOrUpdate(path, 1, (_, n) => n + 1);
        return _inner.ReadAllBytes(path);
    }

    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents) => _inner.WriteAllBytes(path, contents);

    public void Delete(string path) => _inner.Delete(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
}
