using Toolkit.HeapTarget;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// The defects found on real processes, each on the "mixed" target that holds the shape, against ClrMD's own view of the same dump:
/// folding a dictionary of arrays, entry arrays taken for empty collections, finalizer roots, and live-only figures.
/// </summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed class MixedHeapTests(MixedHeapFixture heap) : IClassFixture<MixedHeapFixture>
{
    private const string ByName = "System.Collections.Generic.Dictionary<System.String, System.Int32[]>";

    private HeapGraph Graph => heap.Graph;

    [Fact]
    public void Folding_a_dictionary_of_arrays_keeps_every_byte_and_every_reference_target()
    {
        var reduced = HeapGraphReducer.Reduce(Graph, new HeapReduceOptions { CutInfrastructureEdges = false });
        long before = Enumerable.Range(0, Graph.ObjectCount).Sum(Graph.Size);
        long after = Enumerable.Range(0, reduced.ObjectCount).Sum(reduced.Size);
        Assert.Equal(before, after);
        int dictionary = Assert.Single(heap.OfType(ByName));
        // The dictionary absorbs its buckets and its entry array; the int[] values stay objects (the entry array is no owner).
        long own = Graph.Size(dictionary) + Graph.Children(dictionary).ToArray().Where(c => Graph.TypeOf(c).IsArray).Sum(Graph.Size);
        var folded = reduced.Object(reduced.FindObject(Graph.Address(dictionary)));
        Assert.Equal(own, folded.Size);
        Assert.Equal(Mixed.DictionaryEntries, folded.EnumerateReferences().Count(r => r.Object.Type.Name == "System.Int32[]"));
        Assert.Equal(Mixed.DictionaryEntries, heap.OfType("System.Int32[]").Count(id => reduced.FindObject(Graph.Address(id)) >= 0 && Graph.Parents(id).ToArray().Any(p => Graph.TypeOf(p).Name.EndsWith("+Entry[]", StringComparison.Ordinal))));
        var tree = reduced.Dominators();
        Assert.True(tree.RetainedSize(folded.Id) >= own);
        var value = folded.EnumerateReferences().First(r => r.Object.Type.Name == "System.Int32[]").Object;
        var path = Assert.Single(HeapPaths.ToRoots(value, 1));
        Assert.Equal(folded, path.Links[^2].Object);
    }

    [Fact]
    public void Entry_arrays_have_no_count_and_dictionaries_count_as_ClrMD_reads_them()
    {
        Assert.All(heap.OfType(ByName + "+Entry[]"), id => Assert.Null(Graph.Count(id)));
        Assert.NotEmpty(heap.DictionaryCounts);
        foreach (var (address, count) in heap.DictionaryCounts)
        {
            Assert.Equal(count, Graph.Count(Graph.FindObject(address)));
        }
        Assert.Equal(Mixed.DictionaryEntries, Graph.Count(Assert.Single(heap.OfType(ByName))));
        var report = HeapInspector.Inspect(Graph, new HeapInspectOptions { MinWastedBytes = 1, MaxFindings = 1000 });
        Assert.DoesNotContain(report.Findings, f => f.Kind.Contains("collections", StringComparison.Ordinal) && f.Subject.Contains("+Entry[]", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Kind == "empty collections" && f.Subject == "System.Collections.Generic.Dictionary<System.String, System.Int32>");
    }

    [Fact]
    public void The_finalization_queue_roots_only_the_objects_ready_for_finalization()
    {
        var finalizerRoots = Graph.Roots.Where(r => r.Kind == HeapRootKind.FinalizerQueue).Select(r => r.Object.Address).ToHashSet();
        Assert.Equal(heap.FinalizerRootObjects, finalizerRoots);
        Assert.Equal(Mixed.ReadyFinalizables, finalizerRoots.Count);
        Assert.All(finalizerRoots, a => Assert.Equal("Toolkit.HeapTarget.ReadyFinalizable", Graph.TypeOf(Graph.FindObject(a)).Name));
        Assert.All(heap.OfType("Toolkit.HeapTarget.FinalizableChild"), id => Assert.True(Graph.IsReachable(id)));
        Assert.All(heap.OfType("Toolkit.HeapTarget.LiveFinalizable"), id => Assert.True(Graph.IsReachable(id)));
        Assert.Equal(Mixed.DeadFinalizables, heap.OfType("Toolkit.HeapTarget.DeadFinalizable").Count(id => !Graph.IsReachable(id)));
    }

    [Fact]
    public void Live_only_figures_equal_ClrMDs_reachability_and_the_rest_is_one_line()
    {
        Assert.Equal(heap.AllByType.OrderBy(kv => kv.Key, StringComparer.Ordinal), Summarize(Graph));
        var live = HeapGraphReducer.Reduce(Graph, new HeapReduceOptions { FoldCollectionInternals = false, CutInfrastructureEdges = false, DropUnreachable = true });
        Assert.Equal(heap.LiveByType.OrderBy(kv => kv.Key, StringComparer.Ordinal), Summarize(live));
        long allObjects = heap.AllByType.Values.Sum(v => v.Count);
        long liveObjects = heap.LiveByType.Values.Sum(v => v.Count);
        Assert.Equal(allObjects - liveObjects, live.Unreachable.Objects);
        Assert.Equal(heap.AllByType.Values.Sum(v => v.Bytes) - heap.LiveByType.Values.Sum(v => v.Bytes), live.Unreachable.Bytes);
        Assert.True(live.Unreachable.Objects >= Mixed.GarbageNodes + Mixed.DeadFinalizables);
        var summary = HeapQueries.Summarize(live);
        Assert.Contains("not yet collected: ", summary.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain(summary.Rows, r => r.Kind == "Toolkit.HeapTarget.GarbageNode");
    }

    [Fact]
    public void Frozen_objects_are_live_and_generations_carry_the_free_space()
    {
        var frozen = Enumerable.Range(0, Graph.ObjectCount).Where(Graph.IsFrozen).ToArray();
        Assert.NotEmpty(frozen);
        Assert.All(frozen, id => Assert.True(Graph.IsReachable(id)));
        Assert.All(Enumerable.Range(0, Graph.ObjectCount), id => Assert.NotEqual(HeapGeneration.Unknown, Graph.Generation(id)));
        // The per-segment id ranges agree with the segment search per object.
        Assert.Equal(frozen, Graph.FrozenObjects());
        var rows = HeapGenerationRow.Compute(Graph);
        var searched = Enumerable.Range(0, Graph.ObjectCount).GroupBy(Graph.Generation)
            .Select(g => (g.Key.ToString(), (long)g.Count(), g.Sum(id => Graph.Size(id)))).Order().ToArray();
        Assert.Equal(searched, rows.Select(r => (r.Generation, r.Objects, r.Bytes)).Order().ToArray());
        Assert.Equal(Graph.ObjectCount, rows.Sum(r => r.Objects));
        Assert.Contains(rows, r => r.FreeBytes > 0);
        Assert.Matches(@"^\d+\.\d+", Graph.Header.RuntimeVersion);
        Assert.NotEqual("0.0", Graph.Header.RuntimeVersion);
    }

    [Fact]
    public void Segments_carry_the_free_space_ClrMD_sees_in_each_and_every_listed_object()
    {
        var rows = HeapSegmentRow.Compute(Graph);
        Assert.NotEmpty(rows);
        Assert.Equal(Enumerable.Range(0, Graph.ObjectCount).Count(id => !Graph.IsExcluded(id)), rows.Sum(r => r.Objects));
        Assert.Equal(HeapGenerationRow.Compute(Graph).Sum(g => g.FreeBytes), rows.Sum(r => r.FreeBytes));
        using var dataTarget = Microsoft.Diagnostics.Runtime.DataTarget.LoadDump(heap.DumpPath);
        using var runtime = HeapSnapshot.CreateRuntime(dataTarget.ClrVersions[0]);
        foreach (var segment in runtime.Heap.Segments)
        {
            var free = segment.EnumerateObjects().Where(o => o.IsFree).ToArray();
            var inside = rows.Where(r => Convert.ToUInt64(r.Start, 16) >= segment.Start && Convert.ToUInt64(r.Start, 16) < segment.End).ToArray();
            var where = $"segment {segment.Start:x}-{segment.End:x} ({segment.Kind})";
            Assert.True(free.Length == inside.Sum(r => r.FreeObjects), $"{where}: ClrMD {free.Length} free objects, the rows {inside.Sum(r => r.FreeObjects)}");
            Assert.True((long)free.Sum(o => (long)o.Size) == inside.Sum(r => r.FreeBytes), $"{where}: free bytes differ");
        }
    }

    [Fact]
    public void Static_fields_are_named_roots()
    {
        var statics = Graph.Roots.Where(r => r.Kind == HeapRootKind.Static).ToList();
        var started = Assert.Single(statics, r => r.Name == "Toolkit.HeapTarget.BlockingFinalizable.<Started>k__BackingField");
        Assert.Equal("System.Threading.ManualResetEventSlim", started.Object.Type.Name);
        var path = HeapPaths.ToRoots(started.Object, 5);
        Assert.Contains(path, p => p.Root.Kind == HeapRootKind.Static && p.Root.Name.EndsWith("<Started>k__BackingField", StringComparison.Ordinal));
    }

    private static IOrderedEnumerable<KeyValuePair<string, (long, long)>> Summarize(HeapGraph graph) =>
        HeapQueries.Summarize(graph).Rows.ToDictionary(r => r.Kind, r => (r.Count, r.Size)).OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
