using System.Text.Json;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Noise reduction, diff, inspections and type listings on synthetic heaps with hand-worked answers.</summary>
public sealed class HeapAnalysisTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Folding_puts_a_lists_array_into_the_list_and_cutting_drops_type_objects()
    {
        var heap = new SyntheticHeap();
        int list = heap.Class("System.Collections.Generic.List<Item>", "_items");
        int array = heap.ArrayType("Item[]", 8);
        int item = heap.Class("Item", "type");
        int runtimeType = heap.Class("System.RuntimeType", "cache");
        int l = heap.Object(list, count: 2), arr = heap.Object(array, 4), i1 = heap.Object(item), i2 = heap.Object(item), rt = heap.Object(runtimeType);
        heap.Ref(l, arr, 1);
        heap.Ref(arr, i1, 0);
        heap.Ref(arr, i2, 0);
        heap.Ref(i1, rt, 1);
        heap.Ref(i2, rt, 1);
        heap.Root(l);
        heap.Root(rt);
        var graph = HeapGraph.Load(heap.Write(_dir.File("l.heap")));

        var reduced = HeapGraphReducer.Reduce(graph);
        Assert.Equal(4, reduced.ObjectCount);
        int newList = reduced.FindObject(SyntheticHeap.AddressOf(l));
        Assert.Equal(24 + (24 + 4 * 8), reduced.Size(newList));
        Assert.Equal(2, reduced.Children(newList).Length);
        Assert.Equal("_items", reduced.ChildField(newList, 0)?.Name);
        Assert.Equal(0, reduced.Children(reduced.FindObject(SyntheticHeap.AddressOf(i1))).Length);
        Assert.Equal(24 + 56 + 24 + 24, reduced.Dominators().RetainedSize(newList));
        Assert.Equal(5, graph.ObjectCount);

        var foldOnly = HeapGraphReducer.Reduce(graph, new HeapReduceOptions { CutInfrastructureEdges = false });
        Assert.Single(foldOnly.Children(foldOnly.FindObject(SyntheticHeap.AddressOf(i1))).ToArray());
        var cutOnly = HeapGraphReducer.Reduce(graph, new HeapReduceOptions { FoldCollectionInternals = false });
        Assert.Equal(5, cutOnly.ObjectCount);
    }

    [Fact]
    public void Diff_counts_per_type_new_and_gone()
    {
        var before = new SyntheticHeap();
        int a = before.Class("A", "x");
        int b = before.Class("B", "x");
        before.Object(a);
        before.Object(a);
        before.Object(b);
        var after = new SyntheticHeap();
        int a2 = after.Class("A", "x");
        int c2 = after.Class("C", "x", "y");
        after.Object(a2);
        after.Object(c2);
        after.Object(a2);
        after.Object(a2);
        var report = HeapDiff.Compare(before.Write(_dir.File("b.heap")), after.Write(_dir.File("a.heap")));
        var rows = report.Rows.ToDictionary(r => r.Type);
        Assert.Equal((2L, 3L, 1L, 48L, 72L), (rows["A"].CountBefore, rows["A"].CountAfter, rows["A"].CountDelta, rows["A"].BytesBefore, rows["A"].BytesAfter));
        // Address 0 held A before and after; address 1 held A, now C; address 2 held B, now A; address 3 is new.
        Assert.Equal(2, rows["A"].NewObjects);
        Assert.Equal(1, rows["A"].GoneObjects);
        Assert.Equal("gone", rows["B"].Status);
        Assert.Equal("new", rows["C"].Status);
        Assert.Equal(32, rows["C"].BytesDelta);
        Assert.Contains("gone", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspections_name_duplicates_with_their_field_and_the_collection_waste()
    {
        var heap = new SyntheticHeap();
        int person = heap.Class("Person", "name", "city");
        int str = heap.StringType();
        int list = heap.Class("System.Collections.Generic.List<Person>", "_items");
        int array = heap.ArrayType("Person[]", 8);
        int bytes = heap.ArrayType("System.Int32[]", 4);
        var people = new List<int>();
        for (int i = 0; i < 100; i++)
        {
            int p = heap.Object(person);
            int name = heap.Object(str, 5, "Alice");
            int city = heap.Object(str, 4, $"c{i:D3}");
            heap.Ref(p, name, 1);
            heap.Ref(p, city, 2);
            people.Add(p);
        }
        int emptyList = heap.Object(list, count: 0);
        int emptyArray = heap.Object(array, 0);
        heap.Ref(emptyList, emptyArray, 1);
        int bigList = heap.Object(list, count: 100);
        int bigArray = heap.Object(array, 1000);
        heap.Ref(bigList, bigArray, 1);
        foreach (int p in people)
        {
            heap.Ref(bigArray, p, 0);
        }
        for (int i = 0; i < 1200; i++)
        {
            heap.Object(bytes, 2);
        }
        heap.Root(bigList);
        heap.Root(emptyList);
        var graph = HeapGraph.Load(heap.Write(_dir.File("i.heap")));
        var report = HeapInspector.Inspect(graph, new HeapInspectOptions { MinWastedBytes = 1 });

        var dup = Assert.Single(report.Findings, f => f.Kind == "duplicate strings");
        Assert.Equal("Person.name", dup.Subject);
        Assert.Equal(99, dup.Objects);
        Assert.Equal(99 * (22 + 10), dup.WastedBytes);
        Assert.Contains("intern", dup.Optimization, StringComparison.Ordinal);

        var empty = Assert.Single(report.Findings, f => f.Kind == "empty collections");
        Assert.Equal(24 + 24, empty.WastedBytes);
        Assert.Contains("lazily", empty.Optimization, StringComparison.Ordinal);

        var sparse = Assert.Single(report.Findings, f => f.Kind == "mostly empty collections");
        Assert.Equal(900 * 8, sparse.WastedBytes);

        var small = Assert.Single(report.Findings, f => f.Kind == "many small arrays");
        Assert.Equal(1200, small.Objects);
        Assert.Contains("struct-of-arrays", small.Optimization, StringComparison.Ordinal);
        Assert.Contains("Person.name", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Padding_is_reported_per_type_times_instances()
    {
        var heap = new SyntheticHeap();
        // 16 header + fields of 8 and 1 bytes = 25, laid out in 32: 7 bytes of padding.
        int padded = heap.Type(new HeapType("Padded", 0x500, false, false, false, 32, 0,
            [new HeapField("reference", 0, 8, true, false), new HeapField("flag", 8, 1, false, false)]));
        for (int i = 0; i < 10; i++)
        {
            heap.Object(padded);
        }
        var graph = HeapGraph.Load(heap.Write(_dir.File("p.heap")));
        var finding = Assert.Single(HeapInspector.Inspect(graph, new HeapInspectOptions { MinWastedBytes = 1 }).Findings, f => f.Kind == "padding");
        Assert.Equal(70, finding.WastedBytes);
        Assert.Equal("Padded", finding.Subject);
    }

    [Fact]
    public void Type_listing_is_biggest_first_and_reports_serialize_to_json()
    {
        var heap = new SyntheticHeap();
        int arr = heap.ArrayType("System.Byte[]", 1);
        int small = heap.Object(arr, 3);
        int big = heap.Object(arr, 30);
        heap.Root(small);
        heap.Root(big);
        var graph = HeapGraph.Load(heap.Write(_dir.File("t.heap")));
        var listing = HeapQueries.ObjectsOfType(graph, "System.Byte[]");
        Assert.Equal(2, listing.Count);
        Assert.Equal(HeapFormat.Address(SyntheticHeap.AddressOf(big)), listing.Objects[0].Address);
        Assert.Equal(54, listing.Objects[0].Size);
        Assert.Equal(listing.Count, HeapQueries.ObjectsOfType(graph, "byte[]").Count);
        IHeapReport[] reports = [listing, HeapQueries.Summarize(graph), HeapQueries.Dominators(graph), HeapQueries.Show(graph, SyntheticHeap.AddressOf(big)),
            HeapQueries.Paths(graph, SyntheticHeap.AddressOf(big)), HeapInspector.Inspect(graph), HeapDiff.Compare(graph, graph)];
        foreach (var report in reports)
        {
            Assert.NotEmpty(report.ToText());
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, report.GetType()));
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
        Assert.Throws<HeapQueryException>(() => HeapQueries.Show(graph, 0x1234));
    }
}
