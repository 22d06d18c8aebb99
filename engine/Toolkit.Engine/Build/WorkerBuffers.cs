using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Build;

/// <summary>Scratch lists of one scheduler worker, reused from node to node to spare the allocator.</summary>
internal sealed class WorkerBuffers
{
    private readonly List<int> _children = [];
    private readonly List<int> _dependencies = [];

    /// <summary>The targets of an executor.</summary>
    public int[] Targets(NodeStore store, int executor)
    {
        var targets = new int[store.TargetCount(executor)];
        store.CopyTargets(executor, targets);
        return targets;
    }

    /// <summary>The edges of one kind.</summary>
    public int[] Edges(NodeStore store, int node, EdgeKind kind)
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

    /// <summary>What the decision of a target rests on (valid until the next call); see <see cref="BuildPlan.AppendDecisionDependencies"/>.</summary>
    public List<int> DecisionDependencies(NodeStore store, int node)
    {
        _dependencies.Clear();
        BuildPlan.AppendDecisionDependencies(store, node, _dependencies);
        return _dependencies;
    }
}
