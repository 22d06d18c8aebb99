using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.LazyInit;

/// <summary>
/// The baseline node with its rarely used members allocated on first use and its derived strings
/// computed instead of stored: the explicit-depends, ignore, order-only and side-effect lists and the
/// attribute dictionary stay null until something is added (most nodes never get one), and the name,
/// suffix and absolute path are computed from the path when asked. The sources and implicit lists,
/// the path, hex info objects and build info are the baseline's.
/// Saves four 32-byte lists, an 80-byte dictionary and three strings per node; costs a null check per
/// access and a new string each time a derived form is asked for.
/// </summary>
public sealed class LazyInitNode : ObjectNode<LazyInitNode, LazyInitExecutor>, IHexInfoNode
{
    // excerpt: lazy-init
    private List<LazyInitNode>? _depends;
    private List<LazyInitNode>? _ignore;
    private List<LazyInitNode>? _prerequisites;
    private List<LazyInitNode>? _sideEffects;
    private Dictionary<string, object?>? _attributes;

    /// <summary>Creates a node; only the sources and implicit lists are allocated.</summary>
    public LazyInitNode(int id, string path, NodeKind kind, LazyInitNode? directory)
    {
        Id = id;
        Path = path;
        Kind = kind;
        Directory = directory;
    }

    /// <summary>Dense id (its index in the store).</summary>
    public override int Id { get; }

    /// <summary>Project-relative path.</summary>
    public string Path { get; }

    /// <summary>File name, computed from the path on each call.</summary>
    public string Name => PathForms.Name(Path).ToString();

    /// <summary>Suffix including the dot, computed from the path on each call.</summary>
    public string Suffix => PathForms.Suffix(PathForms.Name(Path)).ToString();

    /// <summary>What the node stands for.</summary>
    public override NodeKind Kind { get; set; }

    /// <summary>The directory holding the node (null for the root).</summary>
    public override LazyInitNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public override LazyInitExecutor? Executor { get; set; }

    /// <summary>Sources of the builder (allocated up front: most derived nodes have them).</summary>
    public List<LazyInitNode> Sources { get; } = [];

    /// <summary>Scanned dependencies (allocated up front, so a concurrent set never races an allocation).</summary>
    public List<LazyInitNode> Implicit { get; } = [];

    /// <summary>The attribute dictionary, made on first use.</summary>
    public Dictionary<string, object?> Attributes => _attributes ??= new(StringComparer.Ordinal);

    /// <summary>True when the attribute dictionary was ever made.</summary>
    public bool HasAttributes => _attributes is not null;
    // end excerpt

    /// <summary>State in this build.</summary>
    public override NodeState State { get; set; }

    /// <summary>What is known now, as hex strings (the baseline's info object).</summary>
    public BaselineNodeInfo Info { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>What the signature database said.</summary>
    public BaselineNodeInfo StoredInfo { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>Build info of this run, kept after the build as the baseline keeps it.</summary>
    public BaselineBuildInfo? BuildInfo { get; set; }

    /// <summary>The list for an edge kind, or null when none was ever added.</summary>
    public List<LazyInitNode>? Edges(EdgeKind kind) => kind switch
    {
        EdgeKind.Sources => Sources,
        EdgeKind.Depends => _depends,
        EdgeKind.Implicit => Implicit,
        EdgeKind.Ignored => _ignore,
        EdgeKind.OrderOnly => _prerequisites,
        EdgeKind.SideEffects => _sideEffects,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind"),
    };

    /// <inheritdoc />
    public override int EdgeCount(EdgeKind kind) => Edges(kind)?.Count ?? 0;

    /// <inheritdoc />
    public override int CopyEdges(EdgeKind kind, Span<int> destination) => NodeIds.Copy(Edges(kind), destination);

    /// <summary>Appends an edge, making its list on first use.</summary>
    public override void AddEdge(EdgeKind kind, LazyInitNode dependency)
    {
        var list = kind switch
        {
            EdgeKind.Depends => _depends ??= [],
            EdgeKind.Ignored => _ignore ??= [],
            EdgeKind.OrderOnly => _prerequisites ??= [],
            EdgeKind.SideEffects => _sideEffects ??= [],
            _ => Edges(kind)!,
        };
        list.Add(dependency);
    }

    /// <inheritdoc />
    public override void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<LazyInitNode> nodes) => NodeIds.Fill(Implicit, dependencies, nodes);
}
