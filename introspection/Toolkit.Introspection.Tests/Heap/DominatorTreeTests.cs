using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Dominators and retained sizes on synthetic heaps: hand-worked cases, and random graphs against a brute-force definition.</summary>
public sealed class DominatorTreeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Hand_worked_graph_with_a_cross_edge_and_garbage()
    {
        // root -> a; a -> b, a -> c; b -> d; c -> d; d -> e; e -> b (back edge); f is garbage -> e.
        var heap = new SyntheticHeap();
        int node = heap.Class("Node", "x", "y");
        int a = heap.Object(node), b = heap.Object(node), c = heap.Object(node), d = heap.Object(node), e = heap.Object(node), f = heap.Object(node);
        heap.Ref(a, b, 1);
        heap.Ref(a, c, 2);
        heap.Ref(b, d);
        heap.Ref(c, d);
        heap.Ref(d, e);
        heap.Ref(e, b);
        heap.Ref(f, e);
        heap.Root(a);
        var graph = HeapGraph.Load(heap.Write(_dir.File("g.heap")));
        var tree = graph.Dominators();
        Assert.Equal(DominatorTree.Root, tree.ImmediateDominator(a));
        Assert.Equal(a, tree.ImmediateDominator(b));
        Assert.Equal(a, tree.ImmediateDominator(c));
        Assert.Equal(a, tree.ImmediateDominator(d));
        Assert.Equal(d, tree.ImmediateDominator(e));
        Assert.Equal(DominatorTree.Unreachable, tree.ImmediateDominator(f));
        Assert.Equal(5 * 32, tree.RetainedSize(a));
        Assert.Equal(32, tree.RetainedSize(b));
        Assert.Equal(2 * 32, tree.RetainedSize(d));
        Assert.Equal(0, tree.RetainedSize(f));
        Assert.Equal(5, tree.ReachableObjects);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_object_rooted_or_garbage_in_the_consuming_form(bool rooted)
    {
        var heap = new SyntheticHeap();
        int only = heap.Object(heap.Class("Node", "self"));
        heap.Ref(only, only, 1);
        if (rooted)
        {
            heap.Root(only);
        }
        var tree = HeapGraph.Load(heap.Write(_dir.File("one.heap"))).DominatorsConsumingReferences();
        Assert.Equal(rooted ? DominatorTree.Root : DominatorTree.Unreachable, tree.ImmediateDominator(only));
        Assert.Equal(rooted ? heap.SizeOf(only) : 0, tree.RetainedSize(only));
        Assert.Equal(rooted ? 1 : 0, tree.ReachableObjects);
        Assert.Equal(rooted ? [only] : Array.Empty<int>(), tree.Tree().Of(1).ToArray());
    }

    [Fact]
    public void Random_graphs_match_the_definition_of_dominance()
    {
        var random = new Random(12345);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(2, round < 100 ? 40 : 120);
            var heap = new SyntheticHeap();
            int type = heap.Class("N", "a", "b", "c");
            var edges = new List<(int, int)>();
            for (int i = 0; i < n; i++)
            {
                heap.Object(type);
            }
            int edgeCount = random.Next(0, n * 2);
            for (int k = 0; k < edgeCount; k++)
            {
                int from = random.Next(n), to = random.Next(n);
                heap.Ref(from, to, 1);
                edges.Add((from, to));
            }
            var roots = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(n)).Distinct().ToArray();
            foreach (int r in roots)
            {
                heap.Root(r);
            }
            var graph = HeapGraph.Load(heap.Write(_dir.File($"r{round}.heap")));
            var tree = graph.Dominators();
            var reachable = Reach(n, edges, roots, -1);
            for (int w = 0; w < n; w++)
            {
                if (!reachable[w])
                {
                    Assert.Equal(DominatorTree.Unreachable, tree.ImmediateDominator(w));
                    continue;
                }
                // Brute force: v dominates w iff removing v makes w unreachable.
                var dominators = Enumerable.Range(0, n).Where(v => v != w && reachable[v] && !Reach(n, edges, roots, v)[w]).ToHashSet();
                // The immediate dominator is the dominator that all other dominators dominate: the one with the most dominators itself.
                int expected = dominators.Count == 0 ? DominatorTree.Root
                    : dominators.OrderByDescending(v => Enumerable.Range(0, n).Count(u => u != v && reachable[u] && !Reach(n, edges, roots, u)[v])).First();
                Assert.Equal(expected, tree.ImmediateDominator(w));
                // Retained size: w and everything it dominates (unreachable once w is removed).
                var without = Reach(n, edges, roots, w);
                long retained = Enumerable.Range(0, n).Count(u => reachable[u] && !without[u]) * heap.SizeOf(w);
                Assert.Equal(retained, tree.RetainedSize(w));
            }
            // The tree's rows, built in the computation's arrays or on their own, list exactly the objects each one dominates directly.
            foreach (var rows in new[] { DominatorTree.Compute(graph, withTree: true).Tree(), tree.Tree() })
            {
                for (int w = 0; w <= n; w++)
                {
                    var expected = Enumerable.Range(0, n).Where(u => tree.ImmediateDominator(u) == (w == n ? DominatorTree.Root : w)).ToArray();
                    Assert.Equal(expected, rows.Of(w).ToArray());
                }
                Assert.Equal(Enumerable.Range(0, n).Count(u => tree.ImmediateDominator(u) != DominatorTree.Unreachable), rows.Count);
            }
            // The consuming form (references renumbered in place, then let go) gives the same dominators, sizes and tree.
            var consumed = HeapGraph.Load(_dir.File($"r{round}.heap")).DominatorsConsumingReferences();
            for (int w = 0; w <= n; w++)
            {
                if (w < n)
                {
                    Assert.Equal(tree.ImmediateDominator(w), consumed.ImmediateDominator(w));
                    Assert.Equal(tree.RetainedSize(w), consumed.RetainedSize(w));
                }
                Assert.Equal(tree.Tree().Of(w).ToArray(), consumed.Tree().Of(w).ToArray());
            }
            Assert.Equal(tree.Iterations, consumed.Iterations);
        }
    }

    private static bool[] Reach(int n, List<(int From, int To)> edges, int[] roots, int removed)
    {
        var seen = new bool[n];
        var stack = new Stack<int>(roots.Where(r => r != removed));
        foreach (int r in stack)
        {
            seen[r] = true;
        }
        while (stack.Count > 0)
        {
            int x = stack.Pop();
            foreach (var (from, to) in edges)
            {
                if (from == x && to != removed && !seen[to])
                {
                    seen[to] = true;
                    stack.Push(to);
                }
            }
        }
        return seen;
    }
}
