using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Results;

/// <summary>
/// One results file of <c>toolkit scale</c> (schema in docs/measuring.md): where and how it was
/// measured, the projects, every run of every variant, and the peers. Pages are generated from this
/// alone, so everything a page shows must be here.
/// </summary>
public sealed record ScaleResults
{
    /// <summary>The schema version this toolkit writes; readers refuse newer ones.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of this file.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>When the run finished, UTC, ISO 8601.</summary>
    public required string CreatedUtc { get; init; }

    /// <summary>The toolkit that measured (version and git commit).</summary>
    public required ToolkitInfo Toolkit { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>The options of the run.</summary>
    public required ScaleOptionsRecord Options { get; init; }

    /// <summary>The generated projects, one per size.</summary>
    public required IReadOnlyList<ProjectRecord> Projects { get; init; }

    /// <summary>Every run of every variant at every size, in the order they ran.</summary>
    public required IReadOnlyList<RunRecord> Runs { get; init; }

    /// <summary>Peer build tools measured (or skipped, with the reason).</summary>
    public required IReadOnlyList<PeerRecord> Peers { get; init; }
}

/// <summary>The toolkit that measured.</summary>
public sealed record ToolkitInfo(string Version, string GitCommit);

/// <summary>The machine a run happened on.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string DotNet);

/// <summary>What <c>toolkit scale</c> was asked to do.</summary>
public sealed record ScaleOptionsRecord(string Shape, int Seed, IReadOnlyList<int> Sources, IReadOnlyList<string> Variants, int Repeat, string Peers, bool DryRun);

/// <summary>One generated project: its size and counts as the generator reported them.</summary>
public sealed record ProjectRecord(int Sources, long Nodes, long Edges, long Headers, long DerivedFiles, double GenerateSeconds, bool Cached);

/// <summary>One run: one fresh child process measuring one variant at one size.</summary>
public sealed record RunRecord(int Sources, string Variant, int Repetition, int Sequence, FootprintRecord Footprint);

/// <summary>
/// One peer tool at one size: its dry run (<c>make -n</c>, <c>ninja -n</c>, <c>scons -n</c>) measured by
/// whole-process peak RSS and wall time, several times; or why it was skipped.
/// </summary>
public sealed record PeerRecord(string Tool, int Sources, string Command, string? SkippedBecause, IReadOnlyList<PeerRun> Runs);

/// <summary>One run of a peer.</summary>
public sealed record PeerRun(long PeakRssBytes, double WallSeconds);
