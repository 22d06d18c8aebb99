using System.Text.Json;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Two types of one name from different assemblies (issue 13: 61 names in 2 or 3 rows of a real heap) stay apart, each named with its module,
/// in every view that names a type: summarize, diff, dominators, show, paths, inspect, the HTML page and the .heapsnapshot export.</summary>
public sealed class HeapTypeClashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (SyntheticHeap Heap, int A, int B, int Other) Clashing()
    {
        var heap = new SyntheticHeap();
        int a = heap.Type(new HeapType("App.Item", 0x100, false, false, false, 24, 0, [], "Plugin.A"));
        int b = heap.Type(new HeapType("App.Item", 0x200, false, false, false, 32, 0, [], "Plugin.B"));
        int other = heap.Type(new HeapType("App.Other", 0x300, false, false, false, 24, 0, [], "Plugin.A"));
        return (heap, a, b, other);
    }

    [Fact]
    public void Summarize_lists_same_named_types_of_two_modules_as_two_rows_with_the_module_and_others_without()
    {
        var (heap, a, b, other) = Clashing();
        foreach (var type in new[] { a, a, a, b, other })
        {
            heap.Root(heap.Object(type));
        }

        var rows = HeapQueries.Summarize(HeapGraph.Load(heap.Write(_dir.File("clash.heap")))).Rows.ToDictionary(r => r.Kind);
        Assert.Equal((3L, 72L), (rows["App.Item [Plugin.A]"].Count, rows["App.Item [Plugin.A]"].Size));
        Assert.Equal((1L, 32L), (rows["App.Item [Plugin.B]"].Count, rows["App.Item [Plugin.B]"].Size));
        Assert.Equal(1L, rows["App.Other"].Count);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Diff_keeps_same_named_types_of_two_modules_apart()
    {
        var (before, a, b, _) = Clashing();
        before.Root(before.Object(a));
        before.Root(before.Object(b));
        var (after, a2, b2, _) = Clashing();
        after.Root(after.Object(a2));
        after.Root(after.Object(b2));
        after.Root(after.Object(b2));
        var report = HeapDiff.Compare(HeapGraph.Load(before.Write(_dir.File("b.heap"))), HeapGraph.Load(after.Write(_dir.File("a.heap"))));
        var rows = report.Rows.ToDictionary(r => r.Type);
        Assert.Equal((1L, 1L, 0L), (rows["App.Item [Plugin.A]"].CountBefore, rows["App.Item [Plugin.A]"].CountAfter, rows["App.Item [Plugin.A]"].CountDelta));
        Assert.Equal((1L, 2L, 1L), (rows["App.Item [Plugin.B]"].CountBefore, rows["App.Item [Plugin.B]"].CountAfter, rows["App.Item [Plugin.B]"].CountDelta));
        Assert.Equal(2, rows.Count);
    }

    private const string A = "App.Item [Plugin.A]";
    private const string B = "App.Item [Plugin.B]";

    /// <summary>A holder (fields a and b) of one App.Item of each module, all three rooted; the items carry a reference field and padding
    /// (40-byte instances, 8 bytes of field), so every view has something to name.</summary>
    private (HeapGraph Graph, int Holder, int ItemA, int ItemB) Held()
    {
        var heap = new SyntheticHeap();
        HeapField[] next = [new HeapField("next", 0, 8, true, false)];
        int a = heap.Type(new HeapType("App.Item", 0x100, false, false, false, 40, 0, next, "Plugin.A"));
        int b = heap.Type(new HeapType("App.Item", 0x200, false, false, false, 40, 0, next, "Plugin.B"));
        int holderType = heap.Class("App.Holder", "a", "b");
        int holder = heap.Object(holderType), itemA = heap.Object(a), itemB = heap.Object(b);
        heap.Ref(holder, itemA, 1);
        heap.Ref(holder, itemB, 2);
        foreach (int id in new[] { holder, itemA, itemB })
        {
            heap.Root(id);
        }
        return (HeapGraph.Load(heap.Write(_dir.File("held.heap"))), holder, itemA, itemB);
    }

    [Fact]
    public void Dominators_name_the_module_in_the_top_objects_and_the_retained_by_type_table()
    {
        var (graph, _, _, _) = Held();
        var report = HeapQueries.Dominators(graph);
        Assert.Contains(A, report.Top.Select(l => l.Type));
        Assert.Contains(B, report.Top.Select(l => l.Type));
        Assert.Equal(1, report.ByType.Count(t => t.Type == A));
        Assert.Equal(1, report.ByType.Count(t => t.Type == B));
        Assert.Contains(report.ByType, t => t.Type == "App.Holder");
        Assert.Contains(A, report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_names_the_module_of_the_object_and_of_each_field_target()
    {
        var (graph, holder, itemA, _) = Held();
        var view = HeapQueries.Show(graph, SyntheticHeap.AddressOf(holder));
        Assert.Equal([("a", A), ("b", B)], view.Fields.Select(f => (f.Field, f.Type)));
        Assert.Equal(A, HeapQueries.Show(graph, SyntheticHeap.AddressOf(itemA)).Type);
        Assert.Equal("App.Holder", view.Type);
    }

    [Fact]
    public void Paths_name_the_module_of_the_target_and_of_each_step()
    {
        var (graph, _, _, itemB) = Held();
        var report = HeapQueries.Paths(graph, SyntheticHeap.AddressOf(itemB));
        Assert.Equal(B, report.Type);
        Assert.Equal(2, report.Paths.Count);
        Assert.All(report.Paths, p => Assert.Equal(B, p.Steps[^1].Type));
        Assert.Contains(report.Paths, p => p.Steps.Select(s => s.Type).SequenceEqual(["App.Holder", B]));
    }

    [Fact]
    public void Inspect_names_the_module_of_each_padded_type_and_a_type_filter_takes_the_module()
    {
        var (graph, _, _, _) = Held();
        var padding = HeapInspector.Inspect(graph, new HeapInspectOptions { MinWastedBytes = 0 }).Findings.Where(f => f.Kind == "padding").Select(f => f.Subject).ToList();
        Assert.Equal([A, B], padding.Order(StringComparer.Ordinal));
        Assert.Equal(1, HeapQueries.ObjectsOfType(graph, A).Count);
        Assert.Equal(2, HeapQueries.ObjectsOfType(graph, "App.Item").Count);
    }

    [Fact]
    public void The_html_page_names_the_module_in_the_treemap_and_the_paths()
    {
        var (graph, _, itemA, itemB) = Held();
        string html = HeapHtmlReport.Render(graph, "clash");
        Assert.Contains("\"type\":\"Item [Plugin.A]\"", html, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"Item [Plugin.B]\"", html, StringComparison.Ordinal);
        Assert.Contains($"{HeapFormat.Address(SyntheticHeap.AddressOf(itemA))} {A}\"", html, StringComparison.Ordinal);
        Assert.Contains($"{HeapFormat.Address(SyntheticHeap.AddressOf(itemB))} {B}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heapsnapshot_export_names_the_module_in_node_names()
    {
        var (graph, _, _, _) = Held();
        using var stream = new MemoryStream();
        HeapSnapshotExport.Write(graph, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var strings = json.RootElement.GetProperty("strings").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(A, strings);
        Assert.Contains(B, strings);
        Assert.DoesNotContain("App.Item", strings);
    }
}
