using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// The reference members a node keeps as the baseline keeps them: the directory, the executor, the six
/// dependency lists allocated up front (SCons's Node.__init__) and the attribute dictionary, with the
/// edge handling over those lists. Variants that do not change these members derive from it and add
/// their own fields (which the runtime lays out after these nine references, so a node holds exactly
/// the fields it held when it declared them itself). Costs what the baseline's members cost: six
/// 32-byte lists and an 80-byte dictionary per node.
/// </summary>
/// <typeparam name="TNode">The node class deriving from it.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public abstract class ListNode<TNode, TExecutor>
    where TNode : class, IStoreNode
    where TExecutor : class
{
    /// <summary>Sets the directory; every list and the dictionary are allocated here.</summary>
    protected ListNode(TNode? directory)
    {
        Directory = directory;
    }

    /// <summary>The directory holding the node (null for the root).</summary>
    public TNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public TExecutor? Executor { get; set; }

    /// <summary>Sources of the builder.</summary>
    public List<TNode> Sources { get; } = [];

    /// <summary>Explicit dependencies.</summary>
    public List<TNode> Depends { get; } = [];

    /// <summary>Scanned dependencies.</summary>
    public List<TNode> Implicit { get; } = [];

    /// <summary>Ignored dependencies.</summary>
    public List<TNode> Ignore { get; } = [];

    /// <summary>Order-only prerequisites.</summary>
    public List<TNode> Prerequisites { get; } = [];

    /// <summary>Side effects.</summary>
    public List<TNode> SideEffects { get; } = [];

    /// <summary>Rarely used flags (precious, noclean, always-build, ...), as the baseline's node.attributes.</summary>
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>The list for an edge kind.</summary>
    public List<TNode> Edges(EdgeKind kind) => kind switch
    {
        EdgeKind.Sources => Sources,
        EdgeKind.Depends => Depends,
        EdgeKind.Implicit => Implicit,
        EdgeKind.Ignored => Ignore,
        EdgeKind.OrderOnly => Prerequisites,
        EdgeKind.SideEffects => SideEffects,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind"),
    };

    /// <summary>Number of edges of a kind.</summary>
    public int EdgeCount(EdgeKind kind) => Edges(kind).Count;

    /// <summary>Copies the ids of the edges of a kind; returns how many.</summary>
    public int CopyEdges(EdgeKind kind, Span<int> destination) => NodeIds.Copy(Edges(kind), destination);

    /// <summary>Appends an edge.</summary>
    public void AddEdge(EdgeKind kind, TNode dependency) => Edges(kind).Add(dependency);

    /// <summary>Replaces the implicit edges with the nodes of some ids (set once per build).</summary>
    public void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<TNode> nodes) => NodeIds.Fill(Implicit, dependencies, nodes);
}
