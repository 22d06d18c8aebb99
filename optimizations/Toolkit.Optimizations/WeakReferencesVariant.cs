using Toolkit.Engine.Build;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Optimizations;

/// <summary>
/// Holds caches weakly and releases build-time data once it is no longer needed: scan results in a
/// <see cref="WeakScanCache"/>, the scanner (with its caches) dropped after loading, each node's build
/// info released as soon as it is built (SCons's release_target_info), executors naming their targets by
/// id instead of holding them. Everything else is the baseline's. Saves retained bytes after a build;
/// costs re-scanning everything in the next build of a long-lived project and no build info for
/// explanation after the build.
/// </summary>
public sealed class WeakReferencesVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "weak-references";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Scan results held weakly, the scanner released after loading, build info released as each node is built, executors naming targets by id. Saves retained bytes after the build (build info, scanner caches); costs re-parsing after a GC or in the next build of a long-lived project, and no build info left for explanation.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Weak references: release build-time data once a node is built",
        Idea =
            "Some data is only needed while a node is being built: its build info, the executor's view of its targets, the scanner's cache " +
            "of included files. SCons calls `release_target_info()` for this reason. This variant drops build info as soon as a node is " +
            "finished (its signature is already written to the database) and holds caches through weak references, so the garbage " +
            "collector may reclaim them when memory is short and the engine recomputes on a miss. Its executors name their targets by " +
            "node id, which also breaks the node/executor reference cycle of the baseline (one ring of three objects per build " +
            "statement): see the toolkit's docs/reference-cycles.md, \"Breaking reference cycles\", for how `toolkit heap cycles` " +
            "finds such cycles and what breaking them measured.",
        WhenToUse =
            "- Long builds of large graphs, where build-time data of finished nodes piles up.\n" +
            "- Caches whose entries can be recomputed: a miss costs time, never correctness.\n" +
            "- Processes that stay alive after the build (IDE hosts, build servers).",
        WhenNot =
            "- A second build in the same process will ask for the same data again: it is recomputed.\n" +
            "- Short-lived processes that exit after the build: the memory is returned at exit anyway.\n" +
            "- Data whose recomputation is expensive or not deterministic.",
        After = SourceRegion.Variant("WeakReferences/WeakReferencesNodeStore.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = root => new WeakReferencesNodeStore(root),
        ScanCacheFactory = () => new WeakScanCache(),
        ReleaseScannerAfterLoad = true,
    };
}
