using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// What a scanner keeps per distinct CPPPATH list: the normalized directories and a node per file
/// reached under it. Resolution depends only on the includer's directory, the directive and the
/// CPPPATH, so the resolved includes of a file are the same whichever source reached it: they are
/// computed once and shared by every source using this CPPPATH. Saves re-resolving (path joins and
/// stat-cache lookups) on every visit; costs a dictionary entry and a <see cref="HeaderNode"/> per file,
/// plus one entry per distinct (directory, directive) lookup so that sources, whose own include lists
/// are not kept, resolve a directive their directory has seen before with one dictionary probe.
/// </summary>
internal sealed class SearchContext
{
    private readonly ConcurrentDictionary<string, HeaderNode> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Directory, string Name, bool IsAngle), HeaderNode?> _lookups = new();
    private readonly Func<string, HeaderNode> _create;

    public SearchContext(string[] directories, Func<string, HeaderNode> create)
    {
        Directories = directories;
        _create = create;
    }

    /// <summary>The CPPPATH directories, normalized, with those outside the project dropped.</summary>
    public string[] Directories { get; }

    /// <summary>The remembered result of resolving a directive from a directory (null value: not found).</summary>
    public bool TryGetLookup(string directory, IncludeDirective directive, out HeaderNode? node) =>
        _lookups.TryGetValue(LookupKey(directory, directive), out node);

    /// <summary>Remembers the result of resolving a directive from a directory.</summary>
    public void SetLookup(string directory, IncludeDirective directive, HeaderNode? node) =>
        _lookups.TryAdd(LookupKey(directory, directive), node);

    /// <summary>An angle include does not depend on the includer's directory: all directories share its entry.</summary>
    private static (string, string, bool) LookupKey(string directory, IncludeDirective directive) =>
        (directive.IsAngle ? string.Empty : directory, directive.Name, directive.IsAngle);

    /// <summary>The node of a normalized path, created on first use.</summary>
    public HeaderNode NodeFor(string path) =>
        _nodes.TryGetValue(path, out var node) ? node : _nodes.GetOrAdd(path, _create);
}
