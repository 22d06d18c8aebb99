namespace Toolkit.Engine.Scanning;

/// <summary>
/// The one name the scanner (and so the graph and the signature database) gives each file it reaches.
/// A file inside the project root is named by its root-relative path, normalized as
/// <see cref="ProjectPath"/> does (<c>include/a.h</c>; the root itself is ""). A file outside the
/// root (an <c>-I../deps/lua/src</c> header, an absolute <c>-I/opt/x/include</c>) is named by its
/// absolute path, normalized lexically: <c>.</c>, <c>..</c> and doubled slashes resolved, symbolic
/// links not (as gcc and SCons name files). So <c>../deps/x.h</c> from the root <c>/w/redis/src</c>
/// and <c>/w/redis/deps/x.h</c> are one file, <c>/w/redis/deps/x.h</c>, however they were spelled;
/// an absolute path that lies under the root becomes relative. Costs nothing per file beyond the
/// string; a name is computed only when a candidate is looked up.
/// </summary>
public sealed class ScanPaths
{
    /// <summary>The root an in-memory file system is taken to have (its out-of-root files are keyed by absolute paths).</summary>
    public const string InMemoryRoot = "/project";

    /// <summary>Creates the naming for a project whose root is <paramref name="rootDirectory"/> (absolute).</summary>
    public ScanPaths(string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var normalized = NormalizeAbsolute(rootDirectory.Replace('\\', '/'));
        Root = normalized ?? throw new ArgumentException($"the scan root '{rootDirectory}' is not an absolute path", nameof(rootDirectory));
    }

    /// <summary>The absolute, normalized root ("/" or "/a/b", no trailing slash).</summary>
    public string Root { get; }

    /// <summary>True when a canonical name is outside the root (it is absolute).</summary>
    public static bool IsOutside(string canonical) => canonical.Length > 0 && canonical[0] == '/';

    /// <summary>The canonical name of <paramref name="path"/> (root-relative, or absolute); null for "" or a NUL.</summary>
    public string? Canonical(string path) => Combine(string.Empty, path);

    /// <summary>
    /// <paramref name="name"/> taken relative to the canonical directory <paramref name="directory"/>, as a
    /// canonical name; an absolute <paramref name="name"/> ignores the directory. Null when the name is
    /// empty or holds a NUL (no file can have it).
    /// </summary>
    public string? Combine(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        if (name[0] == '/')
        {
            return FromAbsolute(NormalizeAbsolute(name));
        }

        if (IsOutside(directory))
        {
            return FromAbsolute(NormalizeAbsolute(directory + "/" + name));
        }

        var inside = ProjectPath.Combine(directory, name);
        if (inside is not null)
        {
            return inside;
        }

        // It climbs above the root: name it absolutely (it may come back in: ../src/a.h from /w/src).
        var joined = directory.Length == 0 ? Root + "/" + name : Root + "/" + directory + "/" + name;
        return FromAbsolute(NormalizeAbsolute(joined));
    }

    /// <summary>The canonical directory holding a canonical file ("" for a file at the root, "/" for "/x.h").</summary>
    public static string DirectoryOf(string canonical)
    {
        var slash = canonical.LastIndexOf('/');
        return slash < 0 ? string.Empty : slash == 0 ? "/" : canonical[..slash];
    }

    /// <summary>As <see cref="DirectoryOf"/>, as a span of <paramref name="canonical"/> (no string).</summary>
    public static ReadOnlySpan<char> DirectorySpanOf(string canonical)
    {
        var slash = canonical.LastIndexOf('/');
        return slash < 0 ? [] : slash == 0 ? "/" : canonical.AsSpan(0, slash);
    }

    /// <summary>The absolute path of a canonical name.</summary>
    public string FullPath(string canonical) =>
        IsOutside(canonical) ? canonical : canonical.Length == 0 ? Root : Root == "/" ? "/" + canonical : Root + "/" + canonical;

    /// <summary>
    /// A canonical name as a person at <paramref name="workingDirectory"/> (canonical) would write it:
    /// relative when it lies under that directory, the canonical name otherwise.
    /// </summary>
    public static string RelativeTo(string canonical, string workingDirectory)
    {
        if (workingDirectory.Length == 0 || IsOutside(canonical) != IsOutside(workingDirectory))
        {
            return canonical;
        }

        var prefix = workingDirectory == "/" ? "/" : workingDirectory + "/";
        return canonical.StartsWith(prefix, StringComparison.Ordinal) ? canonical[prefix.Length..] : canonical;
    }

    private string? FromAbsolute(string? absolute)
    {
        if (absolute is null)
        {
            return null;
        }

        if (Root == "/")
        {
            return absolute[1..];
        }

        if (absolute.Length == Root.Length && absolute == Root)
        {
            return string.Empty;
        }

        return absolute.Length > Root.Length && absolute[Root.Length] == '/' && absolute.StartsWith(Root, StringComparison.Ordinal)
            ? absolute[(Root.Length + 1)..]
            : absolute;
    }

    /// <summary>Resolves <c>.</c>, <c>..</c> and empty segments of an absolute path ("/.." is "/"); null when not absolute.</summary>
    internal static string? NormalizeAbsolute(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return "/" + string.Join('/', segments);
    }
}
