using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Cycles of strong references on synthetic heaps with hand-worked answers: planted rings and back-references are found with
/// the edge to weaken, trees and DAGs give none, framework-only cycles are left out unless asked for.</summary>
public sealed class HeapCyclesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_planted_ring_is_one_cycle_broken_by_its_only_edge_kind_and_the_tree_beside_it_is_none()
    {
        var heap = new SyntheticHeap();
        int ring = heap.Class("App.Ring", "next");
        int tree = heap.Class("App.Tree", "left", "right");
        int a = heap.Object(ring), b = heap.Object(ring), c = heap.Object(ring);
        heap.Ref(a, b);
        heap.Ref(b, c);
        heap.Ref(c, a);
        heap.Root(a);
        int top = heap.Object(tree), l = heap.Object(tree), r = heap.Object(tree), shared = heap.Object(tree);
        heap.Ref(top, l, 1);
        heap.Ref(top, r, 2);
        heap.Ref(l, shared, 1);
        heap.Ref(r, shared, 2);
        heap.Root(top);

        var report = HeapCycles.Find(HeapGraph.Load(heap.Write(_dir.File("ring.heap"))));

        Assert.Equal(1, report.Cycles);
        var shape = Assert.Single(report.Shapes);
        Assert.Equal("App.Ring.next -> App.Ring", shape.Shape);
        Assert.Equal((3L, 3 * 24L), (shape.Objects, shape.Bytes));
        Assert.Equal(["App.Ring x3"], shape.MemberTypes);
        Assert.Equal(HeapFormat.Address(SyntheticHeap.AddressOf(a)), shape.EntryAddress);
        Assert.Equal("App.Ring.next -> App.Ring", shape.Weaken);
        Assert.Equal(0, shape.LeftInCycles);
        Assert.Equal($"{HeapFormat.Address(SyntheticHeap.AddressOf(c))} App.Ring.next -> {HeapFormat.Address(SyntheticHeap.AddressOf(a))} App.Ring", shape.WeakenExample);
        Assert.DoesNotContain("Tree", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_and_a_dag_have_no_cycles()
    {
        var heap = new SyntheticHeap();
        int node = heap.Class("App.Node", "a", "b");
        var ids = Enumerable.Range(0, 63).Select(_ => heap.Object(node)).ToArray();
        for (int i = 1; i < ids.Length; i++)
        {
            heap.Ref(ids[(i - 1) / 2], ids[i], 1 + ((i - 1) % 2));
        }
        heap.Ref(ids[1], ids[62], 2); // a second way to one leaf: a DAG, still no cycle
        heap.Root(ids[0]);

        var report = HeapCycles.Find(HeapGraph.Load(heap.Write(_dir.File("tree.heap"))));

        Assert.Equal(0, report.Cycles);
        Assert.Empty(report.Shapes);
        Assert.Contains("no cycles", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parent_pointers_group_by_shape_and_the_back_reference_is_the_edge_to_weaken()
    {
        var heap = new SyntheticHeap();
        int parent = heap.Class("App.Tree", "first", "second");
        int child = heap.Class("App.Leaf", "owner");
        int self = heap.Class("App.Self", "me");
        for (int t = 0; t < 2; t++)
        {
            int p = heap.Object(parent), c1 = heap.Object(child), c2 = heap.Object(child);
            heap.Ref(p, c1, 1);
            heap.Ref(p, c2, 2);
            heap.Ref(c1, p, 1);
            heap.Ref(c2, p, 1);
            heap.Root(p);
        }
        int s = heap.Object(self);
        heap.Ref(s, s);
        heap.Root(s);

        var report = HeapCycles.Find(HeapGraph.Load(heap.Write(_dir.File("parents.heap"))));

        Assert.Equal(3, report.Cycles);
        Assert.Equal(2, report.Shapes.Count);
        var trees = report.Shapes[0];
        Assert.Equal("App.Leaf.owner -> App.Tree; App.Tree.first -> App.Leaf; App.Tree.second -> App.Leaf", trees.Shape);
        Assert.Equal((2, 6L, 3L), (trees.Cycles, trees.Objects, trees.LargestObjects));
        Assert.Equal("App.Leaf.owner -> App.Tree", trees.Weaken); // into the rooted owner, though it has two edges and each field one
        Assert.Equal(0, trees.LeftInCycles);
        Assert.Equal("App.Self.me -> App.Self", report.Shapes[1].Shape); // an object holding itself is a cycle of one
    }

    [Fact]
    public void Framework_only_cycles_are_left_out_unless_asked_for()
    {
        var heap = new SyntheticHeap();
        int thread = heap.Class("System.Threading.Thread", "context");
        int context = heap.Class("System.Threading.ExecutionContext", "thread");
        int t = heap.Object(thread), x = heap.Object(context);
        heap.Ref(t, x);
        heap.Ref(x, t);
        heap.Root(t);
        var graph = HeapGraph.Load(heap.Write(_dir.File("framework.heap")));

        var byDefault = HeapCycles.Find(graph);
        Assert.Equal((0, 1), (byDefault.Cycles, byDefault.FrameworkCycles));
        Assert.Contains("1 cycles of framework objects only left out", byDefault.ToText(), StringComparison.Ordinal);
        var all = HeapCycles.Find(graph, new HeapCycleOptions { IncludeFramework = true });
        Assert.Equal(2, Assert.Single(all.Shapes).Objects);
    }

    [Fact]
    public void A_generic_of_program_types_is_the_programs_and_one_of_framework_types_is_not()
    {
        Assert.False(HeapCycles.IsFrameworkType(Type("System.Collections.Generic.List<App.Node>", "System.Private.CoreLib")));
        Assert.False(HeapCycles.IsFrameworkType(Type("App.Node[]", "System.Private.CoreLib")));
        Assert.True(HeapCycles.IsFrameworkType(Type("System.Collections.Generic.Dictionary<System.String, System.Object>", "System.Private.CoreLib")));
        Assert.True(HeapCycles.IsFrameworkType(Type("System.Threading.Thread", "System.Private.CoreLib")));
        Assert.False(HeapCycles.IsFrameworkType(Type("Toolkit.Engine.Graph.BuildGraph", "Toolkit.Engine")));
    }

    [Fact]
    public void A_ring_of_a_million_vertices_is_one_component_without_recursion()
    {
        const int N = 1_000_000;
        var next = new int[N];
        for (int i = 0; i < N; i++)
        {
            next[i] = (i + 1) % N;
        }
        var ring = StrongComponents.Compute(N, v => next.AsSpan(v, 1));
        Assert.Equal(1, ring.Count);
        Assert.Equal(N, ring.Size(0));

        var chain = StrongComponents.Compute(N, v => v == N - 1 ? [] : next.AsSpan(v, 1));
        Assert.Equal(N, chain.Count);
        Assert.Equal(0, chain.Of(N - 1)); // finished first: Tarjan numbers components in reverse topological order
    }

    private static HeapType Type(string name, string module) => new(name, 1, name.EndsWith(']'), false, false, 24, 0, [], module);
}
