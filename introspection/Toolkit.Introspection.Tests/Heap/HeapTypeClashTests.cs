using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Two types of one name from different assemblies (issue 13: 61 names in 2 or 3 rows of a real heap) stay apart, each named with its module.</summary>
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
}
