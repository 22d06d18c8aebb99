using System.Collections.Concurrent;
using System.Text;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// An in-memory file system for tests. Modification times come from a logical clock that
/// advances on every write or <see cref="Touch"/>, so "touched but unchanged" is expressible.
/// </summary>
public sealed class MemoryFileSystem : IFileSystem
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private long _clock;

    private sealed record Entry(byte[] Contents, long ModifiedTicks);

    /// <summary>All file paths, sorted.</summary>
    public IReadOnlyList<string> Paths => _files.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Writes a text file (UTF-8).</summary>
    public void WriteText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Reads a text file (UTF-8).</summary>
    public string ReadText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    /// <summary>Gives a file a new modification time without changing its contents.</summary>
    public void Touch(string path)
    {
        var entry = _files.TryGetValue(path, out var found) ? found : throw new FileNotFoundException("no such file", path);
        _files[path] = entry with { ModifiedTicks = Interlocked.Increment(ref _clock) };
    }

    /// <summary>
    /// Moves both clocks on to the later of the two, so that two copies of a project that wrote a different number of
    /// files (one keeps a build image, the other does not) give their next writes equal times.
    /// </summary>
    public static void AlignClocks(MemoryFileSystem a, MemoryFileSystem b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var later = Math.Max(Interlocked.Read(ref a._clock), Interlocked.Read(ref b._clock));
        Interlocked.Exchange(ref a._clock, later);
        Interlocked.Exchange(ref b._clock, later);
    }

    /// <inheritdoc />
    public FileStamp Stat(string path) =>
        _files.TryGetValue(path, out var entry) ? new FileStamp(entry.Contents.Length, entry.ModifiedTicks) : FileStamp.Missing;

    /// <inheritdoc />
    public Stream OpenRead(string path) => new MemoryStream(ReadAllBytes(path), writable: false);

    /// <inheritdoc />
    public byte[] ReadAllBytes(string path) =>
        _files.TryGetValue(path, out var entry) ? entry.Contents : throw new FileNotFoundException($"no such file: {path}", path);

    /// <inheritdoc />
    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents) =>
        _files[path] = new Entry(contents.ToArray(), Interlocked.Increment(ref _clock));

    /// <inheritdoc />
    public void Delete(string path) => _files.TryRemove(path, out _);

    /// <inheritdoc />
    /// <remarks>Tests put temporary files here by hand, as a killed build would leave them on disk; any writer id counts as gone.</remarks>
    public int RemoveStaleTemporaryFiles(string directory)
    {
        var prefix = directory.Length == 0 || directory == "." ? string.Empty : directory.TrimEnd('/') + "/";
        var removed = 0;
        foreach (var path in _files.Keys)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf('/', prefix.Length) < 0 && EngineFiles.IsTemporary(path) && _files.TryRemove(path, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path)
    {
        var prefix = path.Length == 0 || path == "." ? string.Empty : path.TrimEnd('/') + "/";
        return _files.Keys.Any(key => key.StartsWith(prefix, StringComparison.Ordinal));
    }
}
