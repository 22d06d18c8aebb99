using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// What a scanner keeps per distinct CPPPATH list: the normalized directories and a node per file
/// reached under it. Resolution depends only on the includer's directory, the directive and the
/// CPPPATH, so the resolved includes of a file are the same whichever source reached it: they are
/// computed once and shared by every source using this CPPPATH. Saves re-resolving (path joins and
/// stat-cache lookups) on every visit; costs a dictionary entry and a <see cref="HeaderNode"/> per file.
/// </summary>
internal sealed class SearchContext
{
    private readonly ConcurrentDictionary<string, HeaderNode> _nodes = new(StringComparer.Ordinal);
    private readonly Func<string, HeaderNode> _create;

    public SearchContext(string[] directories, Func<string, HeaderNode> create)
    {
        Directories = directories;
        _create = create;
    }

    /// <summary>The CPPPATH directories, normalized, with those outside the project dropped.</summary>
    public string[] Directories { get; }

    /// <summary>The node of a normalized path, created on first use.</summary>
    public HeaderNode NodeFor(string path) =>
        _nodes.TryGetValue(path, out var node) ? node : _nodes.GetOrAdd(path, _create);
}
