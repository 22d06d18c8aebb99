using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// <see cref="IFileSystem.BeginWrite"/> for a file system that writes whole files only (in memory, a test's fault injector):
/// the parts are gathered into one array and given to <see cref="IFileSystem.WriteAllBytes"/> on <see cref="Commit"/>, so
/// the file system's own rules (its faults, its records) apply unchanged. Costs the file's size in memory, which a file
/// system in memory holds anyway.
/// </summary>
public sealed class GatheredFileWrite : IFileWrite
{
    private readonly IFileSystem _fileSystem;
    private readonly string _path;
    private byte[] _contents = [];
    private int _length;
    private bool _spent;

    /// <summary>Starts a write of <paramref name="path"/> through <paramref name="fileSystem"/>.</summary>
    public GatheredFileWrite(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        _fileSystem = fileSystem;
        _path = path;
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> part)
    {
        ObjectDisposedException.ThrowIf(_spent, this);
        ArrayGrowth.EnsureCapacity(ref _contents, checked(_length + part.Length));
        part.CopyTo(_contents.AsSpan(_length));
        _length += part.Length;
    }

    /// <inheritdoc />
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_spent, this);
        _spent = true;
        _fileSystem.WriteAllBytes(_path, _contents.AsSpan(0, _length));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _spent = true;
        _contents = [];
    }
}
