using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Finds the file an include names, in gcc's order: a quoted include is looked for first in the
/// directory of the including file, then in each CPPPATH directory in order; an angle include only in
/// the CPPPATH directories. The result is a canonical name (<see cref="ScanPaths"/>: root-relative inside
/// the project, absolute outside it, so <c>-I../deps/lua/src</c> and <c>-I/opt/include</c> work), or null
/// when no candidate exists: system headers such as <c>&lt;stdio.h&gt;</c> are simply not found by the
/// conservative scanner, as <c>gcc -MM</c> leaves them out. A candidate exists when the file is on disk or
/// when the build writes it (<see cref="ScanOptions.IsBuildOutput"/>): a generated header is found before
/// it has been generated, as SCons finds a derived node.
/// <para>Every candidate is stat'ed at most once per resolver (so once per scanner): the stamps are kept
/// in a thread-safe cache, which makes the resolver a snapshot of the file system. Make a new one per
/// build. Memory: one dictionary entry (path string + 16-byte stamp) per distinct candidate, found or not.</para>
/// </summary>
public sealed class IncludeResolver
{
    private readonly IFileSystem _fileSystem;
    private readonly Func<string, bool>? _isBuildOutput;
    private readonly ConcurrentDictionary<string, Stamped> _stamps;

    /// <summary>A path as first seen, kept so every caller shares one string instance per path.</summary>
    private readonly record struct Stamped(string Path, FileStamp Stamp, bool Exists);

    /// <summary>Creates a resolver that stats through <paramref name="fileSystem"/>, with the root the file system implies.</summary>
    public IncludeResolver(IFileSystem fileSystem)
        : this(fileSystem, new ScanPaths(DefaultRoot(fileSystem)), null)
    {
    }

    /// <summary>Creates a resolver naming files with <paramref name="paths"/>, treating <paramref name="isBuildOutput"/> paths as present.</summary>
    public IncludeResolver(IFileSystem fileSystem, ScanPaths paths, Func<string, bool>? isBuildOutput)
        : this(fileSystem, paths, isBuildOutput, 0)
    {
    }

    /// <summary>As the three-argument form, with the stat cache sized for about <paramref name="expectedPaths"/> paths (0: unknown).</summary>
    public IncludeResolver(IFileSystem fileSystem, ScanPaths paths, Func<string, bool>? isBuildOutput, int expectedPaths)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(paths);
        _fileSystem = fileSystem;
        Paths = paths;
        _isBuildOutput = isBuildOutput;
        _stamps = ScanCapacity.Dictionary<string, Stamped>(expectedPaths, StringComparer.Ordinal);
    }

    /// <summary>How the resolver names files.</summary>
    public ScanPaths Paths { get; }

    /// <summary>How many distinct paths have been stat'ed.</summary>
    public int StatCount => _stamps.Count;

    /// <summary>The root a file system implies: a disk's own root, <see cref="ScanPaths.InMemoryRoot"/> for any other.</summary>
    public static string DefaultRoot(IFileSystem fileSystem) => Image.RecordingFileSystem.Unwrap(fileSystem) is DiskFileSystem disk ? disk.Root : ScanPaths.InMemoryRoot;

    /// <summary>The stamp of a canonical path, stat'ed on first use and remembered.</summary>
    public FileStamp Stat(string path) => Lookup(path).Stamp;

    /// <summary>
    /// The stamp of a canonical path asked for once per scan (a translation unit's own source): the remembered stamp when
    /// the resolver has one, else a stat that is not remembered. Saves, per source, the cache's entry and the path string
    /// it would keep alive until the scanner goes (~190 bytes per source at 100k sources, the biggest part of the stat
    /// cache); costs nothing when the caller passes the stamp on instead of asking again.
    /// </summary>
    public FileStamp StatOnce(string path) =>
        _stamps.TryGetValue(path, out var known) ? known.Stamp : path.Length == 0 ? FileStamp.Missing : SafeStat(path);

    /// <summary>True when a canonical path is on disk or written by the build.</summary>
    public bool Exists(string path) => Lookup(path).Exists;

    /// <summary>True when a canonical path is written by the build (it may not exist yet).</summary>
    public bool IsBuildOutput(string path) => _isBuildOutput?.Invoke(path) == true;

    /// <summary>
    /// Resolves <paramref name="directive"/> written in <paramref name="includingFile"/> (a canonical path)
    /// against <paramref name="cppPath"/> (directories relative to the root, or absolute; "" or "." is the
    /// root). Returns the canonical name of the header, or null when it is not found.
    /// </summary>
    public string? Resolve(IncludeDirective directive, string includingFile, IReadOnlyList<string> cppPath)
    {
        ArgumentNullException.ThrowIfNull(includingFile);
        ArgumentNullException.ThrowIfNull(cppPath);
        var directories = new List<string>(cppPath.Count);
        foreach (var directory in cppPath)
        {
            if (Paths.Canonical(directory) is { } canonical)
            {
                directories.Add(canonical);
            }
        }

        return ResolveNormalized(directive, ScanPaths.DirectoryOf(includingFile), directories.ToArray());
    }

    /// <summary>Resolves against directories already canonical (the scanner's hot path).</summary>
    internal string? ResolveNormalized(IncludeDirective directive, string includingDirectory, string[] directories, int start = 0)
    {
        if (!directive.IsAngle && start == 0)
        {
            var local = Find(includingDirectory, directive.Name);
            if (local is not null)
            {
                return local;
            }
        }

        for (var i = start; i < directories.Length; i++)
        {
            var found = Find(directories[i], directive.Name);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The canonical path of <paramref name="name"/> in <paramref name="directory"/> when it exists, else null.</summary>
    internal string? Find(string directory, string name)
    {
        var candidate = Paths.Combine(directory, name);
        if (candidate is null)
        {
            return null;
        }

        var entry = Lookup(candidate);
        return entry.Exists ? entry.Path : null;
    }

    private Stamped Lookup(string path)
    {
        if (_stamps.TryGetValue(path, out var known))
        {
            return known;
        }

        var stamp = path.Length == 0 ? FileStamp.Missing : SafeStat(path);
        return _stamps.GetOrAdd(path, new Stamped(path, stamp, stamp.Exists || IsBuildOutput(path)));
    }

    /// <summary>A stat that cannot fail: a name the system refuses (too long, unreadable directory) is a missing file.</summary>
    private FileStamp SafeStat(string path)
    {
        try
        {
            return _fileSystem.Stat(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileStamp.Missing;
        }
    }
}
