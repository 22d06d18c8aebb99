namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// What <see cref="ObjectNodeStore{TNode, TExecutor}"/> asks of a variant's node class on its hot paths:
/// the scalar members and the edges, each in whatever form the variant keeps them. An abstract class
/// without fields rather than an interface: a derived node holds exactly the fields it declares, and the
/// shared store reaches its members by a virtual call (a fixed vtable slot) instead of an interface
/// dispatch through the generic dictionary, which cost about half again on edge and state queries.
/// The infos, asked once per node per build, go through <see cref="IInfoNode"/>.
/// </summary>
/// <typeparam name="TNode">The node class itself.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public abstract class ObjectNode<TNode, TExecutor> : IStoreNode
    where TNode : ObjectNode<TNode, TExecutor>
    where TExecutor : StoreExecutor<TNode>
{
    /// <summary>Dense id (its index in the store).</summary>
    public abstract int Id { get; }

    /// <summary>What the node stands for.</summary>
    public abstract NodeKind Kind { get; set; }

    /// <summary>State in this build.</summary>
    public abstract NodeState State { get; set; }

    /// <summary>The directory holding the node (null for the root).</summary>
    public abstract TNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public abstract TExecutor? Executor { get; set; }

    /// <summary>Number of edges of a kind.</summary>
    public abstract int EdgeCount(EdgeKind kind);

    /// <summary>Copies the ids of the edges of a kind, in order; returns how many.</summary>
    public abstract int CopyEdges(EdgeKind kind, Span<int> destination);

    /// <summary>Appends an edge while loading.</summary>
    public abstract void AddEdge(EdgeKind kind, TNode dependency);

    /// <summary>Replaces the implicit edges with the nodes of <paramref name="dependencies"/> (ids into <paramref name="nodes"/>).</summary>
    public abstract void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<TNode> nodes);
}
