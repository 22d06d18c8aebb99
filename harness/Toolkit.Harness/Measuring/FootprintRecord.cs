using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// One footprint measurement (docs/measuring.md): what <c>toolkit footprint --json</c> prints and
/// what <c>toolkit scale</c> collects per run. Bytes are managed-heap bytes after full blocking
/// compacting collections unless the name says otherwise.
/// </summary>
public sealed record FootprintRecord
{
    /// <summary>The variant measured.</summary>
    public required string Variant { get; init; }

    /// <summary>Nodes in the graph after loading and scanning.</summary>
    public required int Nodes { get; init; }

    /// <summary>Edges of every kind.</summary>
    public required long Edges { get; init; }

    /// <summary>Live managed heap added by loading (graph kept alive).</summary>
    public required long RetainedBytesAfterLoad { get; init; }

    /// <summary>Live managed heap added by loading and building (graph kept alive).</summary>
    public required long RetainedBytesAfterBuild { get; init; }

    /// <summary>RetainedBytesAfterBuild per node.</summary>
    public required double BytesPerNode { get; init; }

    /// <summary>RetainedBytesAfterLoad per node.</summary>
    public required double BytesPerNodeAfterLoad { get; init; }

    /// <summary>Bytes allocated by loading and building (all of it, garbage included).</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>Whole-process peak resident set (VmHWM) at the end.</summary>
    public required long PeakRssBytes { get; init; }

    /// <summary>Resident set after the build, graph alive (VmRSS).</summary>
    public required long RssBytes { get; init; }

    /// <summary>Generation 0, 1 and 2 collections during load and build (the measuring collections excluded).</summary>
    public required int Gen0Collections { get; init; }

    /// <summary>Generation 1 collections.</summary>
    public required int Gen1Collections { get; init; }

    /// <summary>Generation 2 collections.</summary>
    public required int Gen2Collections { get; init; }

    /// <summary>Total time paused in GC during load and build.</summary>
    public required double GcPauseSeconds { get; init; }

    /// <summary>Time to open the project: read the manifest, scan, apply the database.</summary>
    public required double LoadSeconds { get; init; }

    /// <summary>Time of the measured build (a full build on a fresh tree, a dry run with -n).</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Actions the measured build ran (or would run with -n).</summary>
    public required int ActionsRun { get; init; }

    /// <summary>Time of a null build: open the unchanged project again and build, nothing to run.</summary>
    public required double NullBuildSeconds { get; init; }

    /// <summary>True when the measured build was a dry run.</summary>
    public required bool DryRun { get; init; }

    /// <summary>
    /// The runtime's fixed cost: the process's resident set (VmRSS) when the measurement starts, before
    /// the project is read: the .NET runtime, the JIT-compiled toolkit code, its own managed heap.
    /// Null in results of schema 1.
    /// </summary>
    public long? RuntimeRssBytes { get; init; }

    /// <summary>The live managed heap before the project is read (the toolkit's own objects); null in schema 1.</summary>
    public long? LiveHeapBeforeBytes { get; init; }

    /// <summary>Bytes allocated while loading (garbage included); null in schema 1.</summary>
    public long? AllocatedBytesByLoad { get; init; }

    /// <summary>Of <see cref="AllocatedBytesByLoad"/>, what reading the manifest into the graph allocated; null in older results.</summary>
    public long? AllocatedBytesByRead { get; init; }

    /// <summary>Of <see cref="AllocatedBytesByLoad"/>, what scanning and completing the store allocated; null in older results.</summary>
    public long? AllocatedBytesByScan { get; init; }

    /// <summary>Of <see cref="AllocatedBytesByLoad"/>, what reading and applying the signature database allocated; null in older results.</summary>
    public long? AllocatedBytesByDatabase { get; init; }

    /// <summary>Bytes allocated while building; null in schema 1.</summary>
    public long? AllocatedBytesByBuild { get; init; }

    /// <summary>The GC heap at the end of loading, before the measuring collections; null in schema 1.</summary>
    public GcSnapshot? LoadGc { get; init; }

    /// <summary>The GC heap at the end of the measured build, before the measuring collections; null in schema 1.</summary>
    public GcSnapshot? BuildGc { get; init; }

    /// <summary>How the GC was configured ("workstation, non-concurrent, conserve memory 0"); null in schema 1.</summary>
    public string? GcMode { get; init; }
}
