namespace Toolkit.Harness.Introspecting;

/// <summary>The introspection switches of <c>toolkit build</c>, as parsed.</summary>
public sealed record BuildIntrospectionOptions
{
    /// <summary>The name of the variant being built (<c>--variant</c>), as the factory gave it: the only name a report may title itself with.</summary>
    public required string Variant { get; init; }

    /// <summary><c>--debug=count</c>: instances per engine type at the end.</summary>
    public bool Count { get; init; }

    /// <summary><c>--debug=memory</c>: heap, RSS and tracked types after read, scan and build.</summary>
    public bool Memory { get; init; }

    /// <summary><c>--track TYPE,...</c>: engine types tracked in detail mode.</summary>
    public IReadOnlyList<string> TrackTypes { get; init; } = [];

    /// <summary><c>--snapshot-every</c>: the interval of periodic snapshots, if any.</summary>
    public TimeSpan? SnapshotEvery { get; init; }

    /// <summary><c>--stats FILE</c>: .json saves TrackerStats, .html writes the report page.</summary>
    public string? StatsPath { get; init; }

    /// <summary><c>--heap-snapshot FILE</c>: the heap file to capture at the end of the build.</summary>
    public string? HeapSnapshotPath { get; init; }

    /// <summary><c>--no-string-contents</c>: record string lengths only in the heap file.</summary>
    public bool NoStringContents { get; init; }

    /// <summary>True when any of them is asked for.</summary>
    /// <summary><c>--expect-dead-after</c>: the phases (read, scan, build) whose dropped engine objects must be dead at the end.</summary>
    public IReadOnlyList<string> ExpectDeadAfter { get; init; } = [];

    public bool Any => Count || Memory || TrackTypes.Count > 0 || StatsPath is not null || HeapSnapshotPath is not null || CoreDumpPath is not null || ExpectDeadAfter.Count > 0;

    /// <summary>Where to write a core dump of the process after the build (createdump --withheap), or null.</summary>
    public string? CoreDumpPath { get; init; }
}
