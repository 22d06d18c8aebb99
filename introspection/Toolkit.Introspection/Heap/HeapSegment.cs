namespace Toolkit.Introspection.Heap;

/// <summary>An address range of the heap with one generation, and the free space (the GC's free objects) in it: SOS's "Free" rows, per segment.</summary>
public sealed record HeapSegment(ulong Start, ulong Length, HeapGeneration Generation, long FreeObjects, long FreeBytes)
{
    public ulong End => Start + Length;
}
