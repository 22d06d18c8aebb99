using System.Collections.Concurrent;
using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Every edge kind of the struct-of-arrays store. While loading, edges go to logs (8 bytes per edge);
/// the first query of a kind after a change of that kind turns its log into a table (the scan phase
/// reads Sources before loading ends, batch after batch, while it sets implicit edges: rebuilding every
/// kind on each batch's first Sources query was 13 rebuilds of the node-sized arrays at 100k sources,
/// ~300 bytes of garbage per node), and <see cref="Complete"/> builds the final tables and drops the logs. Sources and
/// Implicit, which most targets have, are <see cref="DenseEdgeTable"/>s; the rare kinds are
/// <see cref="SparseEdgeTable"/>s. Implicit edges set after loading go to a concurrent overflow map
/// (slower, but the engine's own flow sets them all before loading ends).
/// Queries and overflow writes are thread-safe after <see cref="Complete"/>; loading is single-threaded.
/// </summary>
public sealed class EdgeStore
{
    private EdgeLog[]? _logs = [new(), new(), new(), new(), new(), new()]; // by EdgeKind; Implicit's stays empty
    private ImplicitEdgeLog? _implicitLog = new();
    private DenseEdgeTable _sources = DenseEdgeTable.Empty;
    private DenseEdgeTable _implicit = DenseEdgeTable.Empty;
    private readonly SparseEdgeTable[] _rare = [SparseEdgeTable.Empty, SparseEdgeTable.Empty, SparseEdgeTable.Empty, SparseEdgeTable.Empty, SparseEdgeTable.Empty, SparseEdgeTable.Empty];
    private readonly ConcurrentDictionary<int, int[]> _implicitOverflow = new();
    private volatile bool _hasOverflow;
    private bool _sourcesCurrent = true;
    private bool _implicitCurrent = true;
    private bool _rareCurrent = true;
    private bool _completed;

    /// <summary>Edges of every kind held in tables (after the last build of the tables), overflow not counted.</summary>
    public long TableEdgeCount
    {
        get
        {
            long total = _sources.EdgeCount + _implicit.EdgeCount;
            foreach (var table in _rare)
            {
                total += table.EdgeCount;
            }

            return total;
        }
    }

    /// <summary>Appends an edge during loading.</summary>
    public void Add(int node, EdgeKind kind, int dependency)
    {
        var logs = _logs ?? throw new InvalidOperationException("the graph is loaded: edges can no longer be added");
        if (kind == EdgeKind.Implicit)
        {
            _implicitLog!.Append(node, dependency);
            _implicitCurrent = false;
        }
        else
        {
            logs[Index(kind)].Add(node, dependency);
            _sourcesCurrent &= kind != EdgeKind.Sources;
            _rareCurrent &= kind == EdgeKind.Sources;
        }
    }

    /// <summary>Replaces a node's implicit edges (during loading in the log, after it in the overflow map).</summary>
    public void SetImplicit(int node, ReadOnlySpan<int> dependencies)
    {
        if (!_completed)
        {
            _implicitLog!.Replace(node, dependencies);
            _implicitCurrent = false;
            return;
        }

        _implicitOverflow[node] = dependencies.ToArray();
        _hasOverflow = true;
    }

    /// <summary>The edges of a kind; <paramref name="nodeCount"/> is the store's node count (for building tables while loading).</summary>
    public ReadOnlySpan<int> Get(int node, EdgeKind kind, int nodeCount)
    {
        switch (kind)
        {
            case EdgeKind.Sources:
                if (!_sourcesCurrent)
                {
                    BuildSources(nodeCount);
                }

                return _sources.Get(node);
            case EdgeKind.Implicit:
                if (!_implicitCurrent)
                {
                    BuildImplicit(nodeCount);
                }

                return _hasOverflow && _implicitOverflow.TryGetValue(node, out var overflow) ? overflow : _implicit.Get(node);
            default:
                if (!_rareCurrent)
                {
                    BuildRare(nodeCount);
                }

                return _rare[Index(kind)].Get(node);
        }
    }

    /// <summary>Ends loading: builds the tables for <paramref name="nodeCount"/> nodes and drops the logs.</summary>
    public void Complete(int nodeCount)
    {
        if (_completed)
        {
            return;
        }

        // A table built before the last nodes were added answers them as having no edges, which they have not.
        if (!_sourcesCurrent)
        {
            BuildSources(nodeCount);
        }

        if (!_implicitCurrent)
        {
            BuildImplicit(nodeCount);
        }

        if (!_rareCurrent)
        {
            BuildRare(nodeCount);
        }

        _logs = null;
        _implicitLog = null;
        _completed = true;
    }

    // Each drops its old table first so that the old and the new are not both alive at the peak.
    private void BuildSources(int nodeCount)
    {
        _sources = DenseEdgeTable.Empty;
        _sources = DenseEdgeTable.Build(_logs![Index(EdgeKind.Sources)], nodeCount);
        _sourcesCurrent = true;
    }

    private void BuildImplicit(int nodeCount)
    {
        _implicit = DenseEdgeTable.Empty;
        _implicit = _implicitLog!.Build(nodeCount);
        _implicitCurrent = true;
    }

    private void BuildRare(int nodeCount)
    {
        foreach (var kind in EdgeKinds.All)
        {
            if (kind is not EdgeKind.Sources and not EdgeKind.Implicit)
            {
                _rare[Index(kind)] = SparseEdgeTable.Empty;
                _rare[Index(kind)] = SparseEdgeTable.Build(_logs![Index(kind)], nodeCount);
            }
        }

        _rareCurrent = true;
    }

    private static int Index(EdgeKind kind)
    {
        var index = (int)kind;
        if ((uint)index >= EdgeKinds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind");
        }

        return index;
    }
}
