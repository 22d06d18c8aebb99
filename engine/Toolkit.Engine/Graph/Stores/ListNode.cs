namespace Toolkit.Engine.Graph.Stores;

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
public abstract class ListNode<TNode, TExecutor> : ObjectNode<TNode, TExecutor>
    where TNode : ObjectNode<TNode, TExecutor>
    where TExecutor : StoreExecutor<TNode>
{
    /// <summary>Sets the directory; every list and the dictionary are allocated here.</summary>
    protected ListNode(TNode? directory)
    {
        Directory = directory;
    }

    // excerpt: baseline-lists
    /// <summary>The directory holding the node (null for the root).</summary>
    public override TNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public override TExecutor? Executor { get; set; }

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
    // end excerpt

    /// <summary>The list for an edge kind.</summary>
    public List<TNode> Edges(EdgeKind kind)
    {
        switch (kind)
        {
            case EdgeKind.Sources:
                return Sources;
            case EdgeKind.Depends:
                return Depends;
            case EdgeKind.Implicit:
                return Implicit;
            case EdgeKind.Ignored:
                return Ignore;
            case EdgeKind.OrderOnly:
                return Prerequisites;
            case EdgeKind.SideEffects:
                return SideEffects;
            default:
                EdgeKinds.ThrowUnknown(kind);
                return null!;
        }
    }

    /// <inheritdoc />
    public override int EdgeCount(EdgeKind kind) => Edges(kind).Count;

    /// <inheritdoc />
    public override int CopyEdges(EdgeKind kind, Span<int> destination) => NodeIds.Copy(Edges(kind), destination);

    /// <inheritdoc />
    public override void AddEdge(EdgeKind kind, TNode dependency) => Edges(kind).Add(dependency);

    /// <inheritdoc />
    public override void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<TNode> nodes) => NodeIds.Fill(Implicit, dependencies, nodes);
}
