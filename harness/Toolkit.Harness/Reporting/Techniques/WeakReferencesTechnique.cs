using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the weak-references page: release what a finished build no longer needs.</summary>
public sealed class WeakReferencesTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "weak-references";

    /// <inheritdoc />
    public string Title => "Weak references: release build-time data once a node is built";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "Some data is only needed while a node is being built: its build info, the executor's view of its targets, the scanner's cache " +
        "of included files. SCons calls `release_target_info()` for this reason. This variant drops build info as soon as a node is " +
        "finished (its signature is already written to the database) and holds caches through weak references, so the garbage " +
        "collector may reclaim them when memory is short and the engine recomputes on a miss.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Long builds of large graphs, where build-time data of finished nodes piles up.\n" +
        "- Caches whose entries can be recomputed: a miss costs time, never correctness.\n" +
        "- Processes that stay alive after the build (IDE hosts, build servers).";

    /// <inheritdoc />
    public string WhenNot =>
        "- A second build in the same process will ask for the same data again: it is recomputed.\n" +
        "- Short-lived processes that exit after the build: the memory is returned at exit anyway.\n" +
        "- Data whose recomputation is expensive or not deterministic.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("WeakReferences/WeakReferencesNodeStore.cs", Variant);
}
