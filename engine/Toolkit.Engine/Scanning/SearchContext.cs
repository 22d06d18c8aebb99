using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// What the conservative scanner keeps per distinct search chain (the <c>-iquote</c> then <c>-I</c>
/// directories, canonical): the directories and a node per file reached under it. Resolution depends
/// only on the includer's directory, the directive and the chain (and for <c>#include_next</c> on the
/// includer itself), so the resolved includes of a file are the same whichever source reached it: they
/// are computed once and shared by every source using this chain. Saves re-resolving (path joins and
/// stat-cache lookups) on every visit; costs a dictionary entry and a <see cref="HeaderNode"/> per file,
/// plus one entry per distinct (directory, directive) lookup so that sources, whose own include lists
/// are not kept, resolve a directive their directory has seen before with one dictionary probe.
/// </summary>
internal sealed class SearchContext
{
    private readonly ConcurrentDictionary<string, HeaderNode> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scope, string Name, bool IsAngle, bool IsNext), HeaderNode?> _lookups = new();
    private readonly Func<string, HeaderNode> _create;

    public SearchContext(string[] directories, int bracketStart, Func<string, HeaderNode> create)
    {
        Directories = directories;
        BracketStart = bracketStart;
        _create = create;
    }

    /// <summary>The search chain, canonical: the <c>-iquote</c> directories, then from <see cref="BracketStart"/> the <c>-I</c> ones.</summary>
    public string[] Directories { get; }

    /// <summary>Where angle includes start in <see cref="Directories"/>.</summary>
    public int BracketStart { get; }

    /// <summary>The remembered result of resolving a directive from a file (null value: not found).</summary>
    public bool TryGetLookup(string file, string directory, IncludeDirective directive, out HeaderNode? node) =>
        _lookups.TryGetValue(LookupKey(file, directory, directive), out node);

    /// <summary>Remembers the result of resolving a directive from a file.</summary>
    public void SetLookup(string file, string directory, IncludeDirective directive, HeaderNode? node) =>
        _lookups.TryAdd(LookupKey(file, directory, directive), node);

    /// <summary>
    /// An angle include does not depend on the includer's directory: all directories share its entry;
    /// an #include_next depends on the includer itself.
    /// </summary>
    private static (string, string, bool, bool) LookupKey(string file, string directory, IncludeDirective directive) =>
        (directive.IsNext ? file : directive.IsAngle ? string.Empty : directory, directive.Name, directive.IsAngle, directive.IsNext);

    /// <summary>The node of a canonical path, created on first use.</summary>
    public HeaderNode NodeFor(string path) =>
        _nodes.TryGetValue(path, out var node) ? node : _nodes.GetOrAdd(path, _create);
}
