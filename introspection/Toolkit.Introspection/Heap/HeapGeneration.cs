namespace Toolkit.Introspection.Heap;

/// <summary>Where an object lives: a generation of the GC heap, the large or pinned object heap, or the frozen (non-GC) heap. One byte in the heap file.</summary>
public enum HeapGeneration : byte
{
    Generation0 = 0,
    Generation1 = 1,
    Generation2 = 2,
    Large = 3,
    Pinned = 4,

    /// <summary>The non-GC heap (string literals, preallocated type objects): never collected, so never garbage.</summary>
    Frozen = 5,

    /// <summary>No segment of the file covers the address (a file without segment records).</summary>
    Unknown = 255,
}
