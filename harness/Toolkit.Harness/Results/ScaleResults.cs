namespace Toolkit.Harness.Results;

/// <summary>
/// One results file of <c>toolkit scale</c> (schema in docs/measuring.md): where and how it was
/// measured, the projects, every run of every variant, and the peers. Pages are generated from this
/// alone, so everything a page shows must be here.
/// </summary>
public sealed record ScaleResults
{
    /// <summary>
    /// The schema version this toolkit writes; readers refuse newer ones and read older ones.
    /// 2 added warm-up runs, the large-files point, the GC snapshots of each phase and
    /// <see cref="Processes"/> (every tool as a whole process: dry run, full build, null build);
    /// 3 added <see cref="Project"/> (an imported project measured with --project; shape and seed null then).
    /// </summary>
    public const int CurrentSchemaVersion = 3;

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

    /// <summary>Schema 3: the project given with --project, or null for generated projects.</summary>
    public ImportedProjectRecord? Project { get; init; }

    /// <summary>The generated projects, one per size (the one point of an imported project).</summary>
    public required IReadOnlyList<ProjectRecord> Projects { get; init; }

    /// <summary>Every run of every variant at every size, in the order they ran.</summary>
    public required IReadOnlyList<RunRecord> Runs { get; init; }

    /// <summary>Schema 1: the peers' dry runs (or why they were skipped); written empty by schema 2.</summary>
    public required IReadOnlyList<PeerRecord> Peers { get; init; }

    /// <summary>
    /// Schema 2: every tool (the engine's variants and the peers) doing every operation as a whole
    /// process, measured from outside; null in a schema-1 file.
    /// </summary>
    public IReadOnlyList<ProcessRecord>? Processes { get; init; }
}
