namespace Toolkit.Engine.Graph.Stores;

/// <summary>Copies node references out as ids and ids in as references, for the object-per-node stores.</summary>
public static class NodeIds
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

    /// <summary>Replaces a list's contents with the nodes of some ids.</summary>
    public static void Fill<TNode>(List<TNode> list, ReadOnlySpan<int> ids, List<TNode> nodes)
        where TNode : class
    {
        list.Clear();
        foreach (var id in ids)
        {
            list.Add(nodes[id]);
        }
    }
}
