namespace Toolkit.Introspection.Heap;

/// <summary>
/// One segment or region of the GC heap (a part of one, for an ephemeral segment holding several generations),
/// as SOS's <c>eeheap -gc</c> lists them: where it starts, how long it is, its generation, the objects of the
/// tables in it and the free space the GC left there (its free objects). Where generations say how much is
/// free, segments say where: a pinned buffer keeping one region mostly empty shows as one row.
/// </summary>
public sealed record HeapSegmentRow(string Start, ulong Length, string Generation, long Objects, long Bytes, long FreeObjects, long FreeBytes)
{
    /// <summary>Free bytes as a share of the segment's object and free bytes.</summary>
    public double FragmentationPercent => HeapFormat.Percent(FreeBytes, Bytes + FreeBytes);

    /// <summary>Every segment of the graph by address, with the objects the tables count in it (by each segment's id range, two binary searches per segment); empty when the file has none.</summary>
    public static IReadOnlyList<HeapSegmentRow> Compute(HeapGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        // By the id range of each segment (SegmentRanges): no search per object.
        var rows = new List<HeapSegmentRow>();
        foreach (var (s, from, to) in graph.SegmentRanges())
        {
            var (objects, bytes) = graph.CountIncluded(from, to);
            rows.Add(new HeapSegmentRow(HeapFormat.Address(s.Start), s.Length, s.Generation.ToString(), objects, bytes, s.FreeObjects, s.FreeBytes));
        }
        return rows;
    }
}
