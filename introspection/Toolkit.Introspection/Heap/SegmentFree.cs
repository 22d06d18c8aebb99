using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>The parts of one ClrMD segment by generation (an ephemeral segment holds all three small-object generations), with the free objects counted in each.</summary>
internal sealed class SegmentFree
{
    private readonly (ulong Start, ulong End, HeapGeneration Generation)[] _ranges;
    private readonly long[] _objects;
    private readonly long[] _bytes;

    public SegmentFree(ClrSegment segment)
    {
        _ranges = segment.Kind switch
        {
            GCSegmentKind.Ephemeral =>
            [
                (segment.Generation2.Start, segment.Generation2.End, HeapGeneration.Generation2),
                (segment.Generation1.Start, segment.Generation1.End, HeapGeneration.Generation1),
                (segment.Generation0.Start, segment.Generation0.End, HeapGeneration.Generation0),
            ],
            _ => [(segment.Start, segment.End, Map(segment.Kind))],
        };
        _objects = new long[_ranges.Length];
        _bytes = new long[_ranges.Length];
    }

    public void Add(ulong address, ulong size)
    {
        for (int i = 0; i < _ranges.Length; i++)
        {
            if (address >= _ranges[i].Start && address < _ranges[i].End)
            {
                _objects[i]++;
                _bytes[i] += (long)size;
                return;
            }
        }
        _objects[^1]++;
        _bytes[^1] += (long)size;
    }

    public IEnumerable<HeapSegment> Parts()
    {
        for (int i = 0; i < _ranges.Length; i++)
        {
            var (start, end, generation) = _ranges[i];
            if (end > start)
            {
                yield return new HeapSegment(start, end - start, generation, _objects[i], _bytes[i]);
            }
        }
    }

    private static HeapGeneration Map(GCSegmentKind kind) => kind switch
    {
        GCSegmentKind.Generation0 => HeapGeneration.Generation0,
        GCSegmentKind.Generation1 => HeapGeneration.Generation1,
        GCSegmentKind.Generation2 => HeapGeneration.Generation2,
        GCSegmentKind.Large => HeapGeneration.Large,
        GCSegmentKind.Pinned => HeapGeneration.Pinned,
        GCSegmentKind.Frozen => HeapGeneration.Frozen,
        _ => HeapGeneration.Generation2,
    };
}
