namespace Toolkit.Introspection.Heap;

/// <summary>One generation (or the large, pinned or frozen heap): its objects, its free space (SOS's "Free" rows) and how fragmented it is.</summary>
public sealed record HeapGenerationRow(string Generation, long Objects, long Bytes, long FreeObjects, long FreeBytes)
{
    /// <summary>Free bytes as a share of the generation's used and free bytes.</summary>
    public double FragmentationPercent => HeapFormat.Percent(FreeBytes, Bytes + FreeBytes);

    /// <summary>Per generation, from the graph's objects and its segments' free space; empty when the file has no segments.</summary>
    public static IReadOnlyList<HeapGenerationRow> Compute(HeapGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Segments.Count == 0)
        {
            return [];
        }
        var objects = new long[256];
        var bytes = new long[256];
        var freeObjects = new long[256];
        var freeBytes = new long[256];
        // By id ranges per segment (no segment search per object); objects outside every segment are Unknown.
        int next = 0;
        foreach (var (segment, from, to) in graph.SegmentRanges())
        {
            Count(graph, next, from, (int)HeapGeneration.Unknown, objects, bytes);
            Count(graph, from, to, (int)segment.Generation, objects, bytes);
            next = to;
        }
        Count(graph, next, graph.ObjectCount, (int)HeapGeneration.Unknown, objects, bytes);
        foreach (var s in graph.Segments)
        {
            freeObjects[(int)s.Generation] += s.FreeObjects;
            freeBytes[(int)s.Generation] += s.FreeBytes;
        }
        return Enumerable.Range(0, 256).Where(g => objects[g] + freeObjects[g] > 0)
            .Select(g => new HeapGenerationRow(((HeapGeneration)g).ToString(), objects[g], bytes[g], freeObjects[g], freeBytes[g])).ToList();
    }

    private static void Count(HeapGraph graph, int from, int to, int generation, long[] objects, long[] bytes)
    {
        var (included, includedBytes) = graph.CountIncluded(from, to);
        objects[generation] += included;
        bytes[generation] += includedBytes;
    }
}
