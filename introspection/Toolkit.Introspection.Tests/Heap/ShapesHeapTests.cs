using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// The hand-worked shapes of the heap target, captured from the live process: counts, sizes,
/// reachable sizes, dominators and retained sizes equal the values worked out by hand.
/// On x64 an object with one reference field is 24 bytes (header 8, method table 8, field 8),
/// one with two reference fields 32.
/// </summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed class ShapesHeapTests(ShapesHeapFixture heap) : IClassFixture<ShapesHeapFixture>
{
    private const long OneField = 24;
    private const long TwoFields = 32;

    private HeapGraph Graph => heap.Graph;

    private DominatorTree Tree => heap.Graph.Dominators();

    [Fact]
    public void Chain_has_three_links_and_each_retains_the_rest()
    {
        var chain = heap.OfType("ChainNode");
        Assert.Equal(3, chain.Length);
        int a = Assert.Single(chain, Graph.IsRoot);
        int b = Assert.Single(Graph.Children(a).ToArray());
        int c = Assert.Single(Graph.Children(b).ToArray());
        Assert.All(chain, id => Assert.Equal(OneField, Graph.Size(id)));
        Assert.Equal((3, 3 * OneField), HeapTraversal.ReachableSize(Graph, [a]));
        Assert.Equal(3 * OneField, Tree.RetainedSize(a));
        Assert.Equal(2 * OneField, Tree.RetainedSize(b));
        Assert.Equal(OneField, Tree.RetainedSize(c));
        Assert.Equal(DominatorTree.Root, Tree.ImmediateDominator(a));
        Assert.Equal(a, Tree.ImmediateDominator(b));
        Assert.Equal(b, Tree.ImmediateDominator(c));
        Assert.Equal("Next", Graph.ChildField(a, 0)?.Name);
    }

    [Fact]
    public void Diamond_bottom_is_dominated_by_the_top_not_by_either_side()
    {
        var diamond = heap.OfType("DiamondNode");
        Assert.Equal(4, diamond.Length);
        int top = Assert.Single(diamond, Graph.IsRoot);
        var sides = Graph.Children(top).ToArray();
        Assert.Equal(2, sides.Length);
        int bottom = Assert.Single(Graph.Children(sides[0]).ToArray());
        Assert.Equal(bottom, Assert.Single(Graph.Children(sides[1]).ToArray()));
        Assert.Equal(2, Graph.Parents(bottom).Length);
        Assert.Equal(4 * TwoFields, Tree.RetainedSize(top));
        Assert.Equal(TwoFields, Tree.RetainedSize(sides[0]));
        Assert.Equal(TwoFields, Tree.RetainedSize(sides[1]));
        Assert.Equal(top, Tree.ImmediateDominator(bottom));
        Assert.Equal((2, 2 * TwoFields), HeapTraversal.ReachableSize(Graph, [sides[0]]));
    }

    [Fact]
    public void Cycle_is_retained_by_its_rooted_entry()
    {
        var cycle = heap.OfType("CycleNode");
        Assert.Equal(3, cycle.Length);
        int a = Assert.Single(cycle, Graph.IsRoot);
        int b = Graph.Children(a)[0];
        int c = Graph.Children(b)[0];
        Assert.Equal(a, Graph.Children(c)[0]);
        Assert.Equal((3, 3 * OneField), HeapTraversal.ReachableSize(Graph, [b]));
        Assert.Equal(3 * OneField, Tree.RetainedSize(a));
        Assert.Equal(2 * OneField, Tree.RetainedSize(b));
        Assert.Equal(OneField, Tree.RetainedSize(c));
        Assert.Equal(b, Tree.ImmediateDominator(c));
    }

    [Fact]
    public void Shared_subtree_is_retained_by_neither_holder()
    {
        var holders = heap.OfType("SharedHolder");
        var nodes = heap.OfType("SharedNode");
        Assert.Equal(2, holders.Length);
        Assert.Equal(3, nodes.Length);
        int shared = Graph.Children(holders[0])[0];
        Assert.Equal(shared, Graph.Children(holders[1])[0]);
        Assert.All(holders, h => Assert.Equal(OneField, Tree.RetainedSize(h)));
        Assert.All(holders, h => Assert.Equal((4, OneField + 3 * TwoFields), HeapTraversal.ReachableSize(Graph, [h])));
        Assert.Equal(DominatorTree.Root, Tree.ImmediateDominator(shared));
        Assert.Equal(3 * TwoFields, Tree.RetainedSize(shared));
        // Excluding the shared node, a holder reaches only itself (Meliae's summarize(obj, excluding=[...])).
        var summary = HeapQueries.Summarize(Graph, [Graph.Address(holders[0])], [Graph.Address(shared)]);
        Assert.Equal(1, summary.Objects);
        Assert.Equal(OneField, summary.Bytes);
    }

    [Fact]
    public void Object_held_by_two_roots_is_rooted_twice_and_dominated_by_the_roots()
    {
        int twice = Assert.Single(heap.OfType("TwoRootObject"));
        int child = Assert.Single(heap.OfType("TwoRootChild"));
        int handles = Enumerable.Range(0, Graph.RootCount).Count(r => Graph.RootObject(r) == twice && Graph.RootKind(r) == HeapRootKind.StrongHandle);
        Assert.Equal(2, handles);
        Assert.Equal(DominatorTree.Root, Tree.ImmediateDominator(twice));
        Assert.Equal(2 * OneField, Tree.RetainedSize(twice));
        Assert.Equal(twice, Tree.ImmediateDominator(child));
    }

    [Fact]
    public void Each_dependent_handle_is_a_reference_from_its_key_to_its_value()
    {
        var keys = heap.OfType("DependentKey");
        var values = heap.OfType("DependentValue");
        Assert.Equal(3, keys.Length);
        Assert.Equal(3, values.Length);
        foreach (int key in keys)
        {
            Assert.True(Graph.IsRoot(key));
            int value = Assert.Single(Graph.Children(key).ToArray());
            Assert.Contains(value, values);
            Assert.Null(Graph.ChildField(key, 0)); // no field holds it: the handle does
            Assert.Equal(key, Tree.ImmediateDominator(value));
        }
        Assert.Equal(3, keys.Select(k => Graph.Children(k)[0]).Distinct().Count());
    }

    [Fact]
    public void Summary_counts_each_shape_type()
    {
        var summary = HeapQueries.Summarize(Graph);
        var rows = summary.Rows.ToDictionary(r => r.Kind);
        Assert.Equal(3, rows["Toolkit.HeapTarget.ChainNode"].Count);
        Assert.Equal(3 * OneField, rows["Toolkit.HeapTarget.ChainNode"].Size);
        Assert.Equal(4 * TwoFields, rows["Toolkit.HeapTarget.DiamondNode"].Size);
        Assert.Equal(TwoFields, rows["Toolkit.HeapTarget.DiamondNode"].Max);
        Assert.Equal(Graph.ObjectCount, summary.Objects);
        Assert.Equal(heap.Capture.TotalObjectBytes, summary.Bytes);
        Assert.Equal(100.0, summary.Rows[^1].CumulativePercent, 6);
        Assert.Contains("Toolkit.HeapTarget.DiamondNode", summary.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_lead_from_the_root_through_each_link()
    {
        var chain = heap.OfType("ChainNode");
        int a = chain.Single(Graph.IsRoot);
        int c = chain.Single(id => Graph.Children(id).Length == 0);
        var report = HeapQueries.Paths(Graph, Graph.Address(c));
        var path = report.Paths[0];
        Assert.Equal(3, path.Steps.Count);
        Assert.Equal(HeapFormat.Address(Graph.Address(a)), path.Steps[0].Address);
        Assert.Equal("Next", path.Steps[2].ViaField);
        Assert.Equal("StrongHandle", path.RootKind);
    }

    [Fact]
    public void Show_gives_fields_by_name_parents_and_retained_size()
    {
        int top = heap.OfType("DiamondNode").Single(Graph.IsRoot);
        var view = HeapQueries.Show(Graph, Graph.Address(top));
        Assert.Equal(["Left", "Right"], view.Fields.Select(f => f.Field));
        Assert.All(view.Fields, f => Assert.Equal("Toolkit.HeapTarget.DiamondNode", f.Type));
        Assert.Equal(4 * TwoFields, view.RetainedBytes);
        Assert.Equal(4 * TwoFields, view.ReachableBytes);
        Assert.Equal("roots", view.ImmediateDominator);
        Assert.Contains("StrongHandle", view.RootKinds);
    }

    [Fact]
    public void Heap_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(heap.FilePath));
    }

    [Fact]
    public void Cycles_of_the_captured_process_are_the_planted_ring_and_none_of_the_trees()
    {
        var report = HeapCycles.Find(HeapGraphReducer.Reduce(Graph));
        var ring = Assert.Single(report.Shapes, s => s.Shape.Contains("CycleNode", StringComparison.Ordinal));
        Assert.Equal("Toolkit.HeapTarget.CycleNode.Next -> Toolkit.HeapTarget.CycleNode", ring.Shape);
        Assert.Equal((1, 3L, 3 * OneField), (ring.Cycles, ring.Objects, ring.Bytes));
        Assert.Equal(Assert.Single(heap.OfType("CycleNode"), Graph.IsRoot), Graph.FindObject(ulong.Parse(ring.EntryAddress[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, ring.LeftInCycles);
        foreach (var tree in new[] { "ChainNode", "DiamondNode", "SharedNode", "SharedHolder", "TwoRootObject" })
        {
            Assert.DoesNotContain(report.Shapes, s => s.Shape.Contains(tree, StringComparison.Ordinal));
        }
    }
}
