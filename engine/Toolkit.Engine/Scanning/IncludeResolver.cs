using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Finds the file an include names, in gcc's order: a quoted include is looked for first in the
/// directory of the including file, then in each CPPPATH directory in order; an angle include only in
/// the CPPPATH directories. The result is a normalized project-relative path, or null when no candidate
/// exists: system headers such as <c>&lt;stdio.h&gt;</c> are simply not found, as <c>gcc -MM</c> leaves
/// them out. A name that is absolute or climbs above the project root (<c>../../x.h</c> from near the
/// root) has no project-relative form and is skipped, as if not found.
/// <para>Every candidate is stat'ed at most once per resolver (so once per scanner): the stamps are kept
/// in a thread-safe cache, which makes the resolver a snapshot of the file system. Make a new one per
/// build. Memory: one dictionary entry (path string + 16-byte stamp) per distinct candidate, found or not.</para>
/// </summary>
public sealed class IncludeResolver
{
    private readonly IFileSystem _fileSystem;
    private readonly ConcurrentDictionary<string, Stamped> _stamps = new(StringComparer.Ordinal);

    /// <summary>A path as first seen, kept so every caller shares one string instance per path.</summary>
    private readonly record struct Stamped(string Path, FileStamp Stamp);

    /// <summary>Creates a resolver that stats through <paramref name="fileSystem"/>.</summary>
    public IncludeResolver(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        _fileSystem = fileSystem;
    }

    /// <summary>How many distinct paths have been stat'ed.</summary>
    public int StatCount => _stamps.Count;

    /// <summary>The stamp of a normalized path, stat'ed on first use and remembered.</summary>
    public FileStamp Stat(string path) => Lookup(path).Stamp;

    /// <summary>
    /// Resolves <paramref name="directive"/> written in <paramref name="includingFile"/> (a normalized
    /// project-relative path) against <paramref name="cppPath"/> (project-relative directories; "" or "."
    /// is the root). Returns the normalized path of the header, or null when it is not found.
    /// </summary>
    public string? Resolve(IncludeDirective directive, string includingFile, IReadOnlyList<string> cppPath)
    {
        ArgumentNullException.ThrowIfNull(includingFile);
        ArgumentNullException.ThrowIfNull(cppPath);
        if (!directive.IsAngle)
        {
            var local = Find(ProjectPath.DirectoryOf(includingFile), directive.Name);
            if (local is not null)
            {
                return local;
            }
        }

        foreach (var directory in cppPath)
        {
            var normalized = ProjectPath.Normalize(directory);
            if (normalized is null)
            {
                continue;
            }

            var found = Find(normalized, directive.Name);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Resolves against directories already normalized (the scanner's hot path).</summary>
    internal string? ResolveNormalized(IncludeDirective directive, string includingDirectory, string[] normalizedCppPath)
    {
        if (!directive.IsAngle)
        {
            var local = Find(includingDirectory, directive.Name);
            if (local is not null)
            {
                return local;
            }
        }

        foreach (var directory in normalizedCppPath)
        {
            var found = Find(directory, directive.Name);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private string? Find(string directory, string name)
    {
        var candidate = ProjectPath.Combine(directory, name);
        if (candidate is null)
        {
            return null;
        }

        var entry = Lookup(candidate);
        return entry.Stamp.Exists ? entry.Path : null;
    }

    private Stamped Lookup(string path) =>
        _stamps.TryGetValue(path, out var known) ? known : _stamps.GetOrAdd(path, new Stamped(path, _fileSystem.Stat(path)));
}
