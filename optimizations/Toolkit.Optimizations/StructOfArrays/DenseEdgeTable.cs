namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// One edge kind in compressed sparse row form for every node: an offset per node (plus one) and
/// one int per edge. For the common kinds (Sources, Implicit): 4 bytes per node plus 4 per edge,
/// against a List&lt;T&gt; object (32 bytes) and its array (24 bytes plus slack) per node and kind.
/// Immutable; thread-safe.
/// </summary>
public sealed class DenseEdgeTable
{
    private readonly int[] _offsets;
    private readonly int[] _dependencies;

    /// <summary>Creates a table; <paramref name="offsets"/> has one item per node plus one, rising.</summary>
    public DenseEdgeTable(int[] offsets, int[] dependencies)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (offsets.Length == 0 || offsets[^1] != dependencies.Length)
        {
            throw new ArgumentException($"the offsets end at {(offsets.Length == 0 ? "nothing" : offsets[^1])}, the edges are {dependencies.Length}", nameof(offsets));
        }

        _offsets = offsets;
        _dependencies = dependencies;
    }

    /// <summary>An empty table.</summary>
    public static DenseEdgeTable Empty { get; } = new([0], []);

    /// <summary>Builds the table from a log: per node, its edges in the order they were appended.</summary>
    public static DenseEdgeTable Build(EdgeLog log, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(log);
        var offsets = log.CountPerNode(nodeCount);
        // Sum the counts: offsets[i] = edges of the nodes up to i, the end of node i's edges.
        for (var i = 1; i <= nodeCount; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        // Fill each node's run from its end backwards (no fill array of a node's size): offsets[i] moves down
        // to the start of node i's edges; walking the log backwards keeps each node's edges in their order.
        var dependencies = new int[log.Count];
        for (var i = log.Count - 1; i >= 0; i--)
        {
            dependencies[--offsets[log.NodeAt(i)]] = log.DependencyAt(i);
        }

        return new DenseEdgeTable(offsets, dependencies);
    }

    /// <summary>Number of nodes covered (nodes added after the table was built have no edges here).</summary>
    public int NodeCount => _offsets.Length - 1;

    /// <summary>Number of edges.</summary>
    public int EdgeCount => _dependencies.Length;

    /// <summary>The edges of a node.</summary>
    public ReadOnlySpan<int> Get(int node) =>
        (uint)node < (uint)(_offsets.Length - 1)
            ? _dependencies.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node])
            : default;
}
