using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// What <see cref="ObjectNodeStore{TNode, TExecutor}"/> asks of a variant's node class: its scalar
/// members, its edges and its infos, each in whatever form the variant keeps them. The interface adds no
/// field: it only names what every object-per-node layout already holds.
/// </summary>
/// <typeparam name="TNode">The node class itself.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public interface IObjectNode<TNode, TExecutor> : IStoreNode
    where TNode : class, IObjectNode<TNode, TExecutor>
    where TExecutor : StoreExecutor<TNode>
{
    /// <summary>What the node stands for.</summary>
    NodeKind Kind { get; set; }

    /// <summary>State in this build.</summary>
    NodeState State { get; set; }

    /// <summary>The directory holding the node (null for the root).</summary>
    TNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    TExecutor? Executor { get; set; }

    /// <summary>Number of edges of a kind.</summary>
    int EdgeCount(EdgeKind kind);

    /// <summary>Copies the ids of the edges of a kind, in order; returns how many.</summary>
    int CopyEdges(EdgeKind kind, Span<int> destination);

    /// <summary>Appends an edge while loading.</summary>
    void AddEdge(EdgeKind kind, TNode dependency);

    /// <summary>Replaces the implicit edges with the nodes of <paramref name="dependencies"/> (ids into <paramref name="nodes"/>).</summary>
    void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<TNode> nodes);

    /// <summary>What is known now.</summary>
    NodeInfo GetInfo();

    /// <summary>Records what is known now.</summary>
    void SetInfo(NodeInfo info);

    /// <summary>What the signature database said.</summary>
    NodeInfo GetStoredInfo();

    /// <summary>Records what the signature database said.</summary>
    void SetStoredInfo(NodeInfo info);

    /// <summary>Build info of this run, or null.</summary>
    BuildInfo? GetBuildInfo();

    /// <summary>Records build info.</summary>
    void SetBuildInfo(BuildInfo info);
}
