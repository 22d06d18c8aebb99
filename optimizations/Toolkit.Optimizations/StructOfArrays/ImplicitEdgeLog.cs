namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Implicit (scanned) edges as loading and the scan phase give them: groups in order, each a
/// replacement of a node's list (SetImplicitEdges) or one appended edge (AddEdge), over one pool of
/// dependency ids. When the table is built, a node keeps its last replacement and what was
/// appended after it, as a list that is cleared and refilled would.
/// </summary>
public sealed class ImplicitEdgeLog
{
    private int[] _groups = []; // per group: node, start in the pool, count (-1 = one appended edge)
    private int[] _pool = [];
    private int _groupCount;
    private int _poolCount;

    /// <summary>Number of groups recorded.</summary>
    public int GroupCount => _groupCount;

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
        for (var g = 0; g < _groupCount; g++)
        {
            if (_groups[(g * 3) + 2] >= 0)
            {
                lastReplace[_groups[g * 3]] = g;
            }
        }

        var offsets = new int[nodeCount + 1];
        for (var g = 0; g < _groupCount; g++)
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
        for (var g = 0; g < _groupCount; g++)
        {
            var node = _groups[g * 3];
            if (g < lastReplace[node])
            {
                continue; // replaced later
            }

            var length = Length(g);
            _pool.AsSpan(_groups[(g * 3) + 1], length).CopyTo(dependencies.AsSpan(fill[node]));
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
        ArrayGrowth.EnsureCapacity(ref _groups, (_groupCount + 1) * 3);
        ArrayGrowth.EnsureCapacity(ref _pool, _poolCount + dependencies.Length);
        _groups[_groupCount * 3] = node;
        _groups[(_groupCount * 3) + 1] = _poolCount;
        _groups[(_groupCount * 3) + 2] = count;
        dependencies.CopyTo(_pool.AsSpan(_poolCount));
        _poolCount += dependencies.Length;
        _groupCount++;
    }
}
