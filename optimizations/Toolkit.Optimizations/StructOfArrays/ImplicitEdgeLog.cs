namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Implicit (scanned) edges as loading and the scan phase give them: groups in order, each a
/// replacement of a node's list (SetImplicitEdges) or one appended edge (AddEdge), over one pool of
/// dependency ids. When the table is built, a node keeps its last replacement and what was
/// appended after it, as a list that is cleared and refilled would.
/// </summary>
public sealed class ImplicitEdgeLog
{
    private readonly ChunkedInts _groups = new(); // per group: node, start in the pool, count (-1 = one appended edge); no copy as it grows
    private readonly ChunkedInts _pool = new();

    /// <summary>Number of groups recorded.</summary>
    public int GroupCount => _groups.Count / 3;

    /// <summary>Replaces the node's implicit edges.</summary>
    public void Replace(int node, ReadOnlySpan<int> dependencies)
    {
        AddGroup(node, dependencies, dependencies.Length);
    }

    /// <summary>Appends one implicit edge.</summary>
    public void Append(int node, int dependency)
    {
        AddGroup(node, [dependency], -1);
    }

    /// <summary>Builds the table: per node its last replacement and the appends after it.</summary>
    public DenseEdgeTable Build(int nodeCount)
    {
        var lastReplace = new int[nodeCount];
        Array.Fill(lastReplace, -1);
        for (var g = 0; g < GroupCount; g++)
        {
            if (_groups[(g * 3) + 2] >= 0)
            {
                lastReplace[_groups[g * 3]] = g;
            }
        }

        var offsets = new int[nodeCount + 1];
        for (var g = 0; g < GroupCount; g++)
        {
            var node = _groups[g * 3];
            if (g >= lastReplace[node])
            {
                offsets[node + 1] += Length(g);
            }
        }

        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var dependencies = new int[offsets[nodeCount]];
        var fill = new int[nodeCount];
        Array.Copy(offsets, fill, nodeCount);
        for (var g = 0; g < GroupCount; g++)
        {
            var node = _groups[g * 3];
            if (g < lastReplace[node])
            {
                continue; // replaced later
            }

            var length = Length(g);
            _pool.CopyTo(_groups[(g * 3) + 1], dependencies.AsSpan(fill[node], length));
            fill[node] += length;
        }

        return new DenseEdgeTable(offsets, dependencies);
    }

    private int Length(int group)
    {
        var count = _groups[(group * 3) + 2];
        return count < 0 ? 1 : count;
    }

    private void AddGroup(int node, ReadOnlySpan<int> dependencies, int count)
    {
        _groups.Add(node);
        _groups.Add(_pool.Count);
        _groups.Add(count);
        _pool.AddRange(dependencies);
    }
}
