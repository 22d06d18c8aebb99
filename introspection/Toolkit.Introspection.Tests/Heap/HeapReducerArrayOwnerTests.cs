using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// Folding with an array whose type name starts like a collection (a Dictionary&lt;string, string[]&gt;'s
/// entries): the entries fold into the dictionary, and the value arrays stay objects of their own.
/// Found when the toolkit's own heap (its CLI holds such a dictionary) crashed heap dominators.
/// </summary>
public sealed class HeapReducerArrayOwnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Arrays_held_by_a_collections_entries_are_kept_and_every_edge_has_a_target()
    {
        var heap = new SyntheticHeap();
        int dictionary = heap.Class("System.Collections.Generic.Dictionary<System.String,System.String[]>", "_entries");
        int entries = heap.ArrayType("System.Collections.Generic.Dictionary<System.String,System.String[]>+Entry[]", 8);
        int values = heap.ArrayType("System.String[]", 8);
        int d = heap.Object(dictionary, count: 2), e = heap.Object(entries, 2), v1 = heap.Object(values, 1), v2 = heap.Object(values, 1);
        heap.Ref(d, e, 0);
        heap.Ref(e, v1, 0);
        heap.Ref(e, v2, 0);
        heap.Root(d);
        var graph = HeapGraph.Load(heap.Write(_dir.File("d.heap")));

        var reduced = HeapGraphReducer.Reduce(graph, new HeapReduceOptions { CutInfrastructureEdges = false });
        Assert.Equal(3, reduced.ObjectCount);
        var newDictionary = reduced.FindObject(SyntheticHeap.AddressOf(d));
        Assert.Equal([reduced.FindObject(SyntheticHeap.AddressOf(v1)), reduced.FindObject(SyntheticHeap.AddressOf(v2))], reduced.Children(newDictionary).ToArray().Order());
        Assert.All(Enumerable.Range(0, reduced.ObjectCount), id => Assert.All(reduced.Children(id).ToArray(), c => Assert.InRange(c, 0, reduced.ObjectCount - 1)));
        var total = Enumerable.Range(0, reduced.ObjectCount).Sum(id => reduced.Size(id));
        Assert.Equal(total, reduced.Dominators().RetainedSize(newDictionary));
    }
}
