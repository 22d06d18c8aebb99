namespace Toolkit.Harness.Results;

/// <summary>
/// The GC heap as the runtime last saw it (<see cref="GC.GetGCMemoryInfo()"/>), read at the end of a
/// phase before any measuring collection, so it describes the program's own last collection: how big
/// the heap was, how much of it was free space between objects (fragmentation), what the GC had
/// committed from the OS, per generation; plus the process's resident set at that moment.
/// </summary>
/// <param name="Index">The collection's index (<see cref="GCMemoryInfo.Index"/>); when <paramref name="CollectionsInPhase"/> is 0 it is a collection from before the phase (a measuring one), and the heap figures describe that.</param>
/// <param name="Generation">The generation that collection collected.</param>
/// <param name="CollectionsInPhase">Collections of any generation during the phase.</param>
/// <param name="HeapSizeBytes">Managed heap size after that collection, free space included.</param>
/// <param name="FragmentedBytes">Free space inside the heap after that collection.</param>
/// <param name="CommittedBytes">Memory the GC has committed from the OS.</param>
/// <param name="PromotedBytes">Bytes that survived that collection.</param>
/// <param name="Generations">Per generation (0, 1, 2, large object heap, pinned object heap): size and free space before and after.</param>
/// <param name="TotalMemoryBytes">The managed heap's bytes in use now, garbage not yet collected included (<see cref="GC.GetTotalMemory(bool)"/> without a collection).</param>
/// <param name="RssBytes">The process's resident set now (VmRSS).</param>
/// <param name="PeakRssBytes">The process's peak resident set so far (VmHWM).</param>
public sealed record GcSnapshot(
    long Index,
    int Generation,
    int CollectionsInPhase,
    long HeapSizeBytes,
    long FragmentedBytes,
    long CommittedBytes,
    long PromotedBytes,
    IReadOnlyList<GenerationSnapshot> Generations,
    long TotalMemoryBytes,
    long RssBytes,
    long PeakRssBytes);
