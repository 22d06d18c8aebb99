namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// One rare edge kind (Depends, OrderOnly, Ignored, SideEffects) in compressed sparse row form over
/// only the nodes that have such edges: their ids sorted, an offset each, one int per edge; looked up
/// by binary search. Costs nothing for the nodes without edges of the kind (most of them), against an
/// empty List&lt;T&gt; per node in the baseline. Immutable; thread-safe.
/// </summary>
public sealed class SparseEdgeTable
{
    private readonly int[] _nodes;
    private readonly int[] _offsets;
    private readonly int[] _dependencies;

    private SparseEdgeTable(int[] nodes, int[] offsets, int[] dependencies)
    {
        _nodes = nodes;
        _offsets = offsets;
        _dependencies = dependencies;
    }

    /// <summary>An empty table.</summary>
    public static SparseEdgeTable Empty { get; } = new([], [0], []);

    /// <summary>Number of nodes with edges.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of edges.</summary>
    public int EdgeCount => _dependencies.Length;

    /// <summary>Builds the table from a log: per node, its edges in the order they were appended.</summary>
    public static SparseEdgeTable Build(EdgeLog log, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Count == 0)
        {
            return Empty;
        }

        var counts = log.CountPerNode(nodeCount);
        var keyed = 0;
        for (var i = 0; i < nodeCount; i++)
        {
            keyed += counts[i] > 0 ? 1 : 0;
        }

        var nodes = new int[keyed];
        var offsets = new int[keyed + 1];
        var slotOf = counts; // reused: per node, its index among the keyed nodes
        var k = 0;
        for (var i = 0; i < nodeCount; i++)
        {
            if (counts[i] > 0)
            {
                nodes[k] = i;
                offsets[k + 1] = offsets[k] + counts[i];
                slotOf[i] = k++;
            }
        }

        var dependencies = new int[log.Count];
        var fill = new int[keyed];
        Array.Copy(offsets, fill, keyed);
        for (var i = 0; i < log.Count; i++)
        {
            dependencies[fill[slotOf[log.NodeAt(i)]]++] = log.DependencyAt(i);
        }

        return new SparseEdgeTable(nodes, offsets, dependencies);
    }

    /// <summary>The edges of a node.</summary>
    public ReadOnlySpan<int> Get(int node)
    {
        if (_nodes.Length == 0)
        {
            return default;
        }

        var index = Array.BinarySearch(_nodes, node);
        return index < 0 ? default : _dependencies.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);
    }
}
