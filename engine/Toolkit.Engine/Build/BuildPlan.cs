using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Build;

/// <summary>
/// What one build will visit: every node reachable from the requested targets, in an order where
/// children come before parents, with the parents of each node (CSR) and the number of children each
/// waits for. Walks iteratively, so a chain a million deep does not overflow the stack, and refuses a
/// cycle with <see cref="DependencyCycleException"/>.
/// A node's children: its sources, explicit, implicit and order-only dependencies, minus its ignored
/// ones; the second and later targets of a multi-target statement also wait for the first, which
/// runs the action for all.
/// </summary>
public sealed class BuildPlan
{
    private readonly int[] _parentOffsets;
    private readonly int[] _parents;

    private BuildPlan(int[] order, int[] waitCounts, int[] parentOffsets, int[] parents)
    {
        Order = order;
        WaitCounts = waitCounts;
        _parentOffsets = parentOffsets;
        _parents = parents;
    }

    /// <summary>The nodes of the build, children before parents.</summary>
    public int[] Order { get; }

    /// <summary>Per node id: how many child entries it waits for (0 for nodes outside the build).</summary>
    public int[] WaitCounts { get; }

    /// <summary>
    /// One node of the build that needs <paramref name="node"/> (the first in <see cref="Order"/>), or -1: for naming who
    /// needs a missing source. The first of <see cref="Parents"/>, which are in plan order: no array of its own.
    /// </summary>
    public int FirstParent(int node) => _parentOffsets[node] < _parentOffsets[node + 1] ? _parents[_parentOffsets[node]] : -1;

    /// <summary>The parents of a node within the build (a parent appears once per edge).</summary>
    public ReadOnlySpan<int> Parents(int node) => _parents.AsSpan(_parentOffsets[node], _parentOffsets[node + 1] - _parentOffsets[node]);

    /// <summary>Plans a build of <paramref name="targets"/>.</summary>
    public static BuildPlan Create(BuildGraph graph, IReadOnlyList<int> targets)
    {
        var order = PostOrder(graph, targets);
        var (waitCounts, parentOffsets, parents) = ParentsOf(graph, order);
        return new BuildPlan(order, waitCounts, parentOffsets, parents);
    }

    /// <summary>The nodes reachable from <paramref name="targets"/>, children first, by an explicit-stack walk that refuses a cycle.</summary>
    private static int[] PostOrder(BuildGraph graph, IReadOnlyList<int> targets)
    {
        var store = graph.Store;
        var count = store.Count;
        var marks = new byte[count]; // 0 = not seen, 1 = on the walk's stack, 2 = done
        var order = new int[count]; // its most: every node reachable, the usual case, needs no copy
        var ordered = 0;
        var children = new List<int>();
        var frames = new List<(int Node, int Start, int Next)>();

        foreach (var target in targets)
        {
            if (marks[target] != 0)
            {
                continue;
            }

            Push(target);
            while (frames.Count > 0)
            {
                var top = frames[^1];
                if (top.Next < children.Count)
                {
                    var child = children[top.Next];
                    frames[^1] = top with { Next = top.Next + 1 };
                    if (marks[child] == 0)
                    {
                        Push(child);
                    }
                    else if (marks[child] == 1)
                    {
                        throw new DependencyCycleException(CycleFrom(child), graph.ManifestPath, CycleLines(child));
                    }

                    continue;
                }

                children.RemoveRange(top.Start, children.Count - top.Start);
                frames.RemoveAt(frames.Count - 1);
                marks[top.Node] = 2;
                order[ordered++] = top.Node;
            }
        }

        return ordered == count ? order : order[..ordered];

        void Push(int node)
        {
            marks[node] = 1;
            var start = children.Count;
            AppendChildren(graph, node, children);
            frames.Add((node, start, start));
        }

        List<int> CycleLines(int node)
        {
            var lines = new List<int>();
            for (var i = frames.FindIndex(frame => frame.Node == node); i < frames.Count; i++)
            {
                var line = graph.Lines.OfExecutor(store.GetExecutor(frames[i].Node));
                if (line > 0 && !lines.Contains(line))
                {
                    lines.Add(line);
                }
            }

            return lines;
        }

        List<string> CycleFrom(int node)
        {
            var cycle = new List<string>();
            var index = frames.FindIndex(frame => frame.Node == node);
            for (var i = index; i < frames.Count; i++)
            {
                cycle.Add(store.GetPath(frames[i].Node));
            }

            cycle.Add(store.GetPath(node));
            return cycle;
        }
    }

    /// <summary>
    /// The parents of each node in CSR form, in plan order, and how many children each waits for. Counted first, each
    /// node's count left as its range's end, then filled from the end of the order backwards, moving each end down to
    /// its start: no second offsets array for the fill.
    /// </summary>
    private static (int[] WaitCounts, int[] ParentOffsets, int[] Parents) ParentsOf(BuildGraph graph, int[] order)
    {
        var count = graph.Store.Count;
        var scratch = new List<int>();
        var waitCounts = new int[count];
        var parentOffsets = new int[count + 1];
        foreach (var node in order)
        {
            scratch.Clear();
            AppendChildren(graph, node, scratch);
            waitCounts[node] = scratch.Count;
            foreach (var child in scratch)
            {
                parentOffsets[child]++;
            }
        }

        for (var i = 1; i < count; i++)
        {
            parentOffsets[i] += parentOffsets[i - 1]; // each node's end
        }

        parentOffsets[count] = count == 0 ? 0 : parentOffsets[count - 1];
        var parents = new int[parentOffsets[count]];
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var node = order[i];
            scratch.Clear();
            AppendChildren(graph, node, scratch);
            for (var c = scratch.Count - 1; c >= 0; c--)
            {
                parents[--parentOffsets[scratch[c]]] = node; // ends move down to starts
            }
        }

        return (waitCounts, parentOffsets, parents);
    }

    /// <summary>Appends the children of a node, as the plan defines them, to <paramref name="into"/>.</summary>
    public static void AppendChildren(BuildGraph graph, int node, List<int> into)
    {
        var store = graph.Store;
        AppendWithoutIgnored(store, node, into, includeOrderOnly: true);
        var executor = store.GetExecutor(node);
        if (executor >= 0 && store.TargetCount(executor) > 1)
        {
            Span<int> targets = new int[store.TargetCount(executor)];
            store.CopyTargets(executor, targets);
            if (targets[0] != node)
            {
                into.Add(targets[0]);
            }
        }
    }

    /// <summary>
    /// Appends what a target's decision rests on: its sources, explicit and implicit dependencies, in
    /// that order, without the ignored ones (order-only prerequisites never take part).
    /// </summary>
    public static void AppendDecisionDependencies(NodeStore store, int node, List<int> into) =>
        AppendWithoutIgnored(store, node, into, includeOrderOnly: false);

    private static void AppendWithoutIgnored(NodeStore store, int node, List<int> into, bool includeOrderOnly)
    {
        var ignoredCount = store.EdgeCount(node, EdgeKind.Ignored);
        Span<int> ignored = ignoredCount <= 64 ? stackalloc int[ignoredCount] : new int[ignoredCount];
        store.CopyEdges(node, EdgeKind.Ignored, ignored);
        AppendKind(store, node, EdgeKind.Sources, ignored, into);
        AppendKind(store, node, EdgeKind.Depends, ignored, into);
        AppendKind(store, node, EdgeKind.Implicit, ignored, into);
        if (includeOrderOnly)
        {
            AppendKind(store, node, EdgeKind.OrderOnly, ignored, into);
        }
    }

    private static void AppendKind(NodeStore store, int node, EdgeKind kind, ReadOnlySpan<int> ignored, List<int> into)
    {
        var n = store.EdgeCount(node, kind);
        if (n == 0)
        {
            return;
        }

        Span<int> edges = n <= 256 ? stackalloc int[n] : new int[n];
        store.CopyEdges(node, kind, edges);
        foreach (var edge in edges)
        {
            if (!ignored.Contains(edge))
            {
                into.Add(edge);
            }
        }
    }
}
