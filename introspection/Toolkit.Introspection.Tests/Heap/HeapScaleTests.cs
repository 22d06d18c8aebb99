using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// What the heap analyzer costs per object, in counts (never time), on a small heap of the benchmark's shape (lists of items,
/// each item a name string, a payload array and a link to the previous item): the graph after load and after dominators stays
/// under named bounds, the dominators' own working arrays stay under theirs, and the memory-saving paths (references kept in
/// 5 bytes while loading, reducing column by column) give exactly what the plain paths give.
/// </summary>
public sealed class HeapScaleTests : IDisposable
{
    // Graph after load, bytes per object: addresses 4, types 2, child offsets 4, references 5 each (1.3 per object), lengths 2 for
    // two objects in three (2-byte chunks of IntList), string ids 4 for one in three, presence bits; 20.8 at 10M objects of the
    // benchmark, 20.7 here. The bound leaves room for chunk slack on a small heap, not for 4-byte lengths again (22.7) nor a
    // second copy of any column.
    private const double MaxGraphBytesPerObject = 21.5;

    // After dominators: the graph plus immediate dominator and retained size (8 per object); no parents table.
    private const double MaxGraphWithDominatorsBytesPerObject = MaxGraphBytesPerObject + 8.5;

    // The dominators' working arrays besides the result: order and dominators by number (4 per object each); no predecessor
    // table (it was 4 per object and 4 per reference), the id-to-number map becomes the result.
    private const int WorkingBytesPerObject = 8;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Graph_bytes_per_object_stay_under_the_bounds_after_load_and_dominators()
    {
        var graph = HeapGraph.Load(BenchShaped(new SyntheticHeap(), 20_000).Write(_dir.File("b.heap")));
        Assert.True(graph.ObjectCount > 50_000);
        double loaded = graph.Memory().BytesPerObject;
        Assert.True(loaded <= MaxGraphBytesPerObject, $"{loaded:F1} bytes/object after load");
        var tree = graph.Dominators();
        var memory = graph.Memory();
        Assert.Equal(0, memory.ParentBytes);
        Assert.False(graph.HasParents);
        Assert.True(memory.BytesPerObject <= MaxGraphWithDominatorsBytesPerObject, $"{memory.BytesPerObject:F1} bytes/object with dominators");
        long bound = (long)WorkingBytesPerObject * (graph.ObjectCount + 2);
        Assert.True(tree.WorkingBytes <= bound, $"{tree.WorkingBytes} working bytes, bound {bound}");
        Assert.True(tree.WorkingBytes > 0);
    }

    [Fact]
    public void Consuming_reduction_equals_the_plain_one()
    {
        foreach (var options in new[]
        {
            new HeapReduceOptions(),
            new HeapReduceOptions { DropUnreachable = true },
            new HeapReduceOptions { FoldCollectionInternals = false, DropUnreachable = true },
            new HeapReduceOptions { CutInfrastructureEdges = false },
        })
        {
            string path = WithCollectionsAndInfrastructure(new SyntheticHeap()).Write(_dir.File("c.heap"));
            var plain = HeapGraphReducer.Reduce(HeapGraph.Load(path), options);
            var consumed = HeapGraphReducer.ReduceConsuming(HeapGraph.Load(path), options);
            AssertSameGraph(plain, consumed);
            Assert.Equal(plain.Unreachable, consumed.Unreachable);
        }
    }

    [Fact]
    public void Consuming_reduction_equals_the_plain_one_on_random_heaps_with_arrays_before_and_after_their_owners()
    {
        // The consuming reduction writes the new references over the old ones as it reads them: an owner's row grows by its array's
        // references (read ahead when the array comes after it, kept aside when before), so the writes must wait behind the reads.
        var random = new Random(4242);
        for (int round = 0; round < 80; round++)
        {
            var heap = new SyntheticHeap();
            int list = heap.Class("System.Collections.Generic.List<Node>", "_items");
            int array = heap.ArrayType("Node[]", 8);
            int node = heap.Class("Node", "a", "b");
            int type = heap.Class("System.RuntimeType", "cache", "handle");
            int n = random.Next(1, 400);
            var kinds = new int[n];
            var lengths = new int[n];
            for (int i = 0; i < n; i++)
            {
                kinds[i] = random.Next(10) switch { 0 => list, 1 or 2 => array, 3 => type, _ => node };
                // Now and then an array longer than the ring's first size, so the waiting references outgrow it.
                lengths[i] = kinds[i] == array ? random.Next(0, round % 8 == 0 ? 3000 : 20) : 0;
                heap.Object(kinds[i], length: lengths[i], count: kinds[i] == list ? 1 : 0);
            }
            var arrays = Enumerable.Range(0, n).Where(i => kinds[i] == array).ToArray();
            for (int i = 0; i < n; i++)
            {
                if (kinds[i] == list && arrays.Length > 0)
                {
                    heap.Ref(i, arrays[random.Next(arrays.Length)], 1);
                }
                else if (kinds[i] == array)
                {
                    for (int e = 0; e < lengths[i]; e++)
                    {
                        heap.Ref(i, random.Next(n), 0);
                    }
                }
                else
                {
                    for (int e = random.Next(0, 3); e > 0; e--)
                    {
                        heap.Ref(i, random.Next(n), e);
                    }
                }
            }
            foreach (int r in Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(n)).Distinct())
            {
                heap.Root(r);
            }
            string path = heap.Write(_dir.File($"r{round}.heap"));
            foreach (var options in new[] { new HeapReduceOptions(), new HeapReduceOptions { DropUnreachable = true } })
            {
                var consumed = HeapGraphReducer.ReduceConsuming(HeapGraph.Load(path), options);
                AssertSameGraph(HeapGraphReducer.Reduce(HeapGraph.Load(path), options), consumed);
                // The consumed graph's arrays, reused with a few unused slots at their end, still answer lookups for their used part only.
                for (int id = 0; id < consumed.ObjectCount; id++)
                {
                    Assert.Equal(id, consumed.FindObject(consumed.Address(id)));
                }
                int found = 0;
                for (int old = 0; old <= n; old++)
                {
                    int id = consumed.FindObject(SyntheticHeap.AddressOf(old));
                    if (id >= 0)
                    {
                        Assert.InRange(id, 0, consumed.ObjectCount - 1);
                        Assert.Equal(SyntheticHeap.AddressOf(old), consumed.Address(id));
                        found++;
                    }
                }
                Assert.Equal(consumed.ObjectCount, found);
            }
        }
    }

    [Fact]
    public void Folding_still_moves_array_bytes_and_elements_into_the_owner()
    {
        var graph = HeapGraph.Load(WithCollectionsAndInfrastructure(new SyntheticHeap()).Write(_dir.File("f.heap")));
        var reduced = HeapGraphReducer.ReduceConsuming(graph, new HeapReduceOptions { DropUnreachable = true });
        int list = reduced.FindObject(SyntheticHeap.AddressOf(1));
        Assert.Equal(24 + 24 + 3 * 8, reduced.Size(list));
        Assert.Equal(3, reduced.Children(list).Length);
        Assert.Equal(-1, reduced.FindObject(SyntheticHeap.AddressOf(2)));
        // The infrastructure object's references are cut, and so are those to it.
        int type = reduced.FindObject(SyntheticHeap.AddressOf(6));
        Assert.Equal(0, reduced.Children(type).Length);
        Assert.DoesNotContain(type, reduced.Children(reduced.FindObject(SyntheticHeap.AddressOf(0))).ToArray());
    }

    [Theory]
    [InlineData(100)] // 100 high halves: each coded in one byte
    [InlineData(300)] // past 255: the loader falls back to whole addresses midway
    public void References_resolve_the_same_when_addresses_span_many_4_GiB_ranges(int objects)
    {
        var near = HeapGraph.Load(Chain(new SyntheticHeap(), objects).Write(_dir.File("near.heap")));
        var far = HeapGraph.Load(Chain(new SyntheticHeap((1UL << 32) + 0x40), objects).Write(_dir.File("far.heap")));
        Assert.Equal(0, far.UnresolvedReferences);
        AssertSameGraph(near, far, compareAddresses: false);
        var a = near.Dominators();
        var b = far.Dominators();
        for (int id = 0; id < near.ObjectCount; id++)
        {
            Assert.Equal(a.ImmediateDominator(id), b.ImmediateDominator(id));
            Assert.Equal(a.RetainedSize(id), b.RetainedSize(id));
        }
    }

    // The benchmark target's shape (BigHeap), at a small count: lists of 100 items; item -> name, payload, previous item.
    private static SyntheticHeap BenchShaped(SyntheticHeap heap, int items)
    {
        int list = heap.Class("System.Collections.Generic.List<BigItem>", "_items");
        int array = heap.ArrayType("BigItem[]", 8);
        int item = heap.Class("BigItem", "Name", "Payload", "Next");
        int text = heap.StringType();
        int payload = heap.ArrayType("System.Int32[]", 4);
        int outer = heap.Object(array, items / 100);
        heap.Root(outer);
        int previous = -1;
        int current = -1;
        for (int i = 0; i < items; i++)
        {
            if (i % 100 == 0)
            {
                int l = heap.Object(list, count: 100);
                current = heap.Object(array, 100);
                heap.Ref(outer, l, 0);
                heap.Ref(l, current, 1);
            }
            int it = heap.Object(item);
            heap.Ref(current, it, 0);
            heap.Ref(it, heap.Object(text, 8, "item" + (i % 500)), 1);
            heap.Ref(it, heap.Object(payload, i % 4), 2);
            if (previous >= 0)
            {
                heap.Ref(it, previous, 3);
            }
            previous = i % 7 == 0 ? -1 : it;
        }
        return heap;
    }

    // 0 root -> 1 List -> 2 its array -> 3, 4, 5; 6 a type object referenced by 0 and referencing 3; 7 garbage -> 3.
    private static SyntheticHeap WithCollectionsAndInfrastructure(SyntheticHeap heap)
    {
        int holder = heap.Class("Holder", "list", "type");
        int list = heap.Class("System.Collections.Generic.List<Node>", "_items");
        int array = heap.ArrayType("Node[]", 8);
        int node = heap.Class("Node", "next");
        int type = heap.Class("System.RuntimeType", "cache");
        int h = heap.Object(holder);
        int l = heap.Object(list, count: 3);
        int a = heap.Object(array, 3);
        int n3 = heap.Object(node), n4 = heap.Object(node), n5 = heap.Object(node);
        int t = heap.Object(type);
        int garbage = heap.Object(node);
        heap.Ref(h, l, 1);
        heap.Ref(h, t, 2);
        heap.Ref(l, a, 1);
        heap.Ref(a, n3, 0);
        heap.Ref(a, n4, 0);
        heap.Ref(a, n5, 0);
        heap.Ref(n3, n4, 1);
        heap.Ref(t, n3, 1);
        heap.Ref(garbage, n3, 1);
        heap.Root(h);
        // A second list whose array comes before it in the heap, after garbage: when the consuming reducer compacts the columns
        // in place, the list lands on the array's old slot, so the array's size must have been read before.
        int before = heap.Object(array, 2);
        int l2 = heap.Object(list, count: 2);
        heap.Ref(before, n4, 0);
        heap.Ref(before, n5, 0);
        heap.Ref(l2, before, 1);
        heap.Root(l2);
        return heap;
    }

    // A chain with a cross edge every few objects, all from one root.
    private static SyntheticHeap Chain(SyntheticHeap heap, int objects)
    {
        int node = heap.Class("Node", "next", "skip");
        for (int i = 0; i < objects; i++)
        {
            heap.Object(node);
        }
        for (int i = 0; i + 1 < objects; i++)
        {
            heap.Ref(i, i + 1, 1);
            if (i % 5 == 0 && i + 3 < objects)
            {
                heap.Ref(i, i + 3, 2);
            }
        }
        heap.Root(0);
        return heap;
    }

    private static void AssertSameGraph(HeapGraph expected, HeapGraph actual, bool compareAddresses = true)
    {
        Assert.Equal(expected.ObjectCount, actual.ObjectCount);
        Assert.Equal(expected.ReferenceCount, actual.ReferenceCount);
        Assert.Equal(expected.RootObjects.ToArray(), actual.RootObjects.ToArray());
        for (int id = 0; id < expected.ObjectCount; id++)
        {
            if (compareAddresses)
            {
                Assert.Equal(expected.Address(id), actual.Address(id));
            }
            Assert.Equal(expected.TypeIndex(id), actual.TypeIndex(id));
            Assert.Equal(expected.Size(id), actual.Size(id));
            Assert.Equal(expected.Length(id), actual.Length(id));
            Assert.Equal(expected.Count(id), actual.Count(id));
            Assert.Equal(expected.StringContentId(id), actual.StringContentId(id));
            Assert.Equal(expected.Children(id).ToArray(), actual.Children(id).ToArray());
            for (int i = 0; i < expected.Children(id).Length; i++)
            {
                Assert.Equal(expected.ChildFieldOrdinal(id, i), actual.ChildFieldOrdinal(id, i));
            }
        }
    }
}
