namespace Toolkit.Optimizations.Shared;

/// <summary>Copies node references out as ids, for CopyEdges and CopyTargets of the object-per-node stores.</summary>
internal static class NodeIds
{
    /// <summary>Copies the ids of a list's nodes (an absent list counts as empty); returns how many.</summary>
    public static int Copy<TNode>(List<TNode>? nodes, Span<int> destination)
        where TNode : class, IStoreNode
    {
        if (nodes is null)
        {
            return 0;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            destination[i] = nodes[i].Id;
        }

        return nodes.Count;
    }

    /// <summary>Copies the ids of a span of nodes; returns how many.</summary>
    public static int Copy<TNode>(ReadOnlySpan<TNode> nodes, Span<int> destination)
        where TNode : class, IStoreNode
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            destination[i] = nodes[i].Id;
        }

        return nodes.Length;
    }
}
