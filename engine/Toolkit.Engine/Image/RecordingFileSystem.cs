using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Image;

/// <summary>
/// Wraps the project's file system for the build image: remembers, per path, the last answer every stat
/// and directory probe gave the engine (a missing file too, so a header created earlier on a search path is
/// noticed) and the stamp of every file read. What the engine decided rests on exactly these answers plus
/// the manifest, the dependency log and the signature database (hashed in the image). Engine files
/// (<see cref="EngineFiles.IsReserved(string)"/>) are left out. The probes of the load (the dependency log and
/// the scan) are told apart from the build's (<see cref="EndLoad"/>): a build may write files, whose last stat
/// is then the one taken after their command ran, but a write to a file the load looked at (a generated header
/// the scan read or searched for) marks the record unusable: the next load would scan it anew and could decide
/// otherwise. Saves nothing; costs an entry per distinct path (a dictionary slot and a list item, about 60
/// bytes) and a lock per probe while loading and building.
/// </summary>
public sealed class RecordingFileSystem : IFileSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Path, ProbeKind Kind, FileStamp Stamp)> _probes = [];

    /// <summary>Records what <paramref name="inner"/> answers.</summary>
    public RecordingFileSystem(IFileSystem inner) => Inner = inner;

    /// <summary>The file system the probes go to.</summary>
    public IFileSystem Inner { get; }

    private int _loadProbes = int.MaxValue;

    /// <summary>True once a file other than the engine's own that the load probed was written or deleted through this wrapper.</summary>
    public bool WroteLoadedFile { get; private set; }

    /// <summary>The probes, one per (path, kind), with the last answer each gave.</summary>
    public IReadOnlyList<(string Path, ProbeKind Kind, FileStamp Stamp)> Probes => _probes;

    /// <summary>Marks the end of the load: the probes so far are the load's, later ones the build's.</summary>
    public void EndLoad()
    {
        lock (_gate)
        {
            _loadProbes = _probes.Count;
        }
    }

    /// <summary>Whether the load stat'ed or read <paramref name="path"/> (before <see cref="EndLoad"/>).</summary>
    public bool SeenWhileLoading(string path)
    {
        lock (_gate)
        {
            return _index.TryGetValue(path, out var at) && at < _loadProbes;
        }
    }

    /// <summary><paramref name="fileSystem"/> itself, or what it wraps when it is a recorder.</summary>
    public static IFileSystem Unwrap(IFileSystem fileSystem) => fileSystem is RecordingFileSystem recorder ? recorder.Inner : fileSystem;

    /// <inheritdoc />
    public FileStamp Stat(string path)
    {
        var stamp = Inner.Stat(path);
        Note(path, ProbeKind.File, stamp, replace: true);
        return stamp;
    }

    /// <inheritdoc />
    public Stream OpenRead(string path)
    {
        NoteRead(path);
        return Inner.OpenRead(path);
    }

    /// <inheritdoc />
    public byte[] ReadAllBytes(string path)
    {
        NoteRead(path);
        return Inner.ReadAllBytes(path);
    }

    /// <inheritdoc />
    public bool TryReadSmall(string path, byte[] buffer, out int length)
    {
        NoteRead(path);
        return Inner.TryReadSmall(path, buffer, out length);
    }

    /// <inheritdoc />
    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        NoteWrite(path);
        Inner.WriteAllBytes(path, contents);
    }

    /// <inheritdoc />
    public IFileWrite BeginWrite(string path)
    {
        NoteWrite(path);
        return Inner.BeginWrite(path);
    }

    /// <inheritdoc />
    public void Delete(string path)
    {
        NoteWrite(path);
        Inner.Delete(path);
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path)
    {
        var exists = Inner.DirectoryExists(path);
        Note(path, ProbeKind.Directory, new FileStamp(exists ? 1 : 0, 0), replace: true);
        return exists;
    }

    /// <inheritdoc />
    public int RemoveStaleTemporaryFiles(string directory) => Inner.RemoveStaleTemporaryFiles(directory);

    // A read without a stat of its own: the stamp now is what the content read belongs to (a stat seen before is kept).
    private void NoteRead(string path)
    {
        if (!EngineFiles.IsReserved(path))
        {
            Note(path, ProbeKind.File, Inner.Stat(path), replace: false);
        }
    }

    private void NoteWrite(string path)
    {
        if (!EngineFiles.IsReserved(path) && SeenWhileLoading(path))
        {
            WroteLoadedFile = true;
        }
    }

    private void Note(string path, ProbeKind kind, FileStamp stamp, bool replace)
    {
        if (EngineFiles.IsReserved(path))
        {
            return;
        }

        var key = kind == ProbeKind.Directory ? path + "/" : path; // a directory probe and a stat of one path are two entries
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var at))
            {
                if (replace)
                {
                    _probes[at] = (path, kind, stamp);
                }

                return;
            }

            _index.Add(key, _probes.Count);
            _probes.Add((path, kind, stamp));
        }
    }
}
