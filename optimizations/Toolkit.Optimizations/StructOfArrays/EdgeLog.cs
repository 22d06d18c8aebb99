namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Edges of one kind as loading appends them: (node, dependency) pairs in one growing sequence of ints
/// (<see cref="ChunkedInts"/>: no copy as it grows), 8 bytes per edge, turned into a <see cref="DenseEdgeTable"/> or <see cref="SparseEdgeTable"/>
/// once loading is over. Cheaper than a list per node while loading (no object, no slack per node).
/// </summary>
public sealed class EdgeLog
{
    private readonly ChunkedInts _pairs = new();

    /// <summary>Number of edges appended.</summary>
    public int Count => _pairs.Count / 2;

    /// <summary>Appends an edge.</summary>
    public void Add(int node, int dependency)
    {
        _pairs.Add(node);
        _pairs.Add(dependency);
    }

    /// <summary>The node of edge <paramref name="index"/>.</summary>
    public int NodeAt(int index) => _pairs[index * 2];

    /// <summary>The dependency of edge <paramref name="index"/>.</summary>
    public int DependencyAt(int index) => _pairs[(index * 2) + 1];

    /// <summary>Per node, how many edges it has (an array of <paramref name="nodeCount"/> + 1, the last item 0).</summary>
    public int[] CountPerNode(int nodeCount)
    {
        var counts = new int[nodeCount + 1];
        for (var i = 0; i < Count; i++)
        {
            counts[NodeAt(i)]++;
        }

        return counts;
    }
}
