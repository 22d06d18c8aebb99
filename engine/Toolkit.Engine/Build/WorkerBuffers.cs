using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Build;

/// <summary>Scratch lists of one scheduler worker, reused from node to node to spare the allocator.</summary>
internal sealed class WorkerBuffers
{
    private readonly List<int> _children = [];
    private readonly List<int> _dependencies = [];
    private int[] _ignored = new int[8];

    /// <summary>The targets of an executor.</summary>
    public int[] Targets(INodeStore store, int executor)
    {
        var targets = new int[store.TargetCount(executor)];
        store.CopyTargets(executor, targets);
        return targets;
    }

    /// <summary>The edges of one kind.</summary>
    public int[] Edges(INodeStore store, int node, EdgeKind kind)
    {
        var edges = new int[store.EdgeCount(node, kind)];
        store.CopyEdges(node, kind, edges);
        return edges;
    }

    /// <summary>The children as <see cref="BuildPlan"/> defines them (valid until the next call).</summary>
    public List<int> Children(BuildGraph graph, int node)
    {
        _children.Clear();
        BuildPlan.AppendChildren(graph, node, _children);
        return _children;
    }

    /// <summary>
    /// What the decision of a target rests on: its sources, explicit and implicit dependencies, in that
    /// order, without the ignored ones (valid until the next call).
    /// </summary>
    public List<int> DecisionDependencies(INodeStore store, int node)
    {
        _dependencies.Clear();
        var ignoredCount = store.EdgeCount(node, EdgeKind.Ignored);
        if (_ignored.Length < ignoredCount)
        {
            _ignored = new int[ignoredCount];
        }

        var ignored = _ignored.AsSpan(0, ignoredCount);
        store.CopyEdges(node, EdgeKind.Ignored, ignored);
        Append(store, node, EdgeKind.Sources, ignored);
        Append(store, node, EdgeKind.Depends, ignored);
        Append(store, node, EdgeKind.Implicit, ignored);
        return _dependencies;
    }

    private void Append(INodeStore store, int node, EdgeKind kind, ReadOnlySpan<int> ignored)
    {
        var count = store.EdgeCount(node, kind);
        if (count == 0)
        {
            return;
        }

        var start = _dependencies.Count;
        for (var i = 0; i < count; i++)
        {
            _dependencies.Add(0);
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_dependencies).Slice(start, count);
        store.CopyEdges(node, kind, span);
        if (ignored.IsEmpty)
        {
            return;
        }

        for (var i = _dependencies.Count - 1; i >= start; i--)
        {
            if (ignored.Contains(_dependencies[i]))
            {
                _dependencies.RemoveAt(i);
            }
        }
    }
}
