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

    /// <summary>Every segment of the graph by address, with the objects the tables count in it (one pass, a binary search per object); empty when the file has none.</summary>
    public static IReadOnlyList<HeapSegmentRow> Compute(HeapGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var segments = graph.Segments.OrderBy(s => s.Start).ToArray();
        if (segments.Length == 0)
        {
            return [];
        }

        var starts = segments.Select(s => s.Start).ToArray();
        var objects = new long[segments.Length];
        var bytes = new long[segments.Length];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }

            var address = graph.Address(id);
            int at = Array.BinarySearch(starts, address);
            at = at >= 0 ? at : ~at - 1;
            if (at >= 0 && address < segments[at].End)
            {
                objects[at]++;
                bytes[at] += graph.Size(id);
            }
        }

        return segments.Select((s, i) => new HeapSegmentRow(HeapFormat.Address(s.Start), s.Length, s.Generation.ToString(), objects[i], bytes[i], s.FreeObjects, s.FreeBytes)).ToList();
    }
}
