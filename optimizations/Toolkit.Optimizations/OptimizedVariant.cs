using Toolkit.Engine.Build;
using Toolkit.Engine.Scanning;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations.ChunkedHashing;
using Toolkit.Optimizations.StructOfArrays;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Optimizations;

/// <summary>
/// The headline profile: every strategy that composes. The struct-of-arrays store (no object per
/// node, one info slot, build info released), a chunked MD5 hasher (no file-sized buffer per hash)
/// and a scan cache that is dropped with the scanner once the graph is loaded. Saves most of the
/// retained bytes per node and the scanner's caches after loading; costs re-parsing every source
/// when the project is opened again in the same process, and a string allocation per path query.
/// </summary>
public sealed class OptimizedVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "optimized";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "All strategies that compose: the struct-of-arrays store (parallel arrays, UTF-8 name arena, CSR edges, one info slot, build info released), chunked MD5 hashing and the scanner's cache released after loading. Saves the most retained bytes per node; costs a string allocation per path query and re-scanning on every open.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Optimized: every technique that composes",
        Idea =
            "The optimized profile combines the techniques that work together: the struct-of-arrays store (which already subsumes slots, " +
            "interned names and binary signatures), chunked hashing, and build-time data released after use. Savings do not add up: once " +
            "there is no object per node, removing a list from the node object saves nothing more. What the combination gives is measured " +
            "here directly, not summed.",
        WhenToUse =
            "- The graph is large and memory is the limit (CI machines, build servers holding several projects).\n" +
            "- The engine's code reaches nodes through the store's interface already, so the representation can change freely.",
        WhenNot =
            "- Readability of the node model matters more than memory (teaching, small projects).\n" +
            "- One of the parts costs more time than your builds can afford: pick the techniques one by one instead.",
        After = SourceRegion.Variant("OptimizedVariant.cs", VariantName),
    };

    /// <inheritdoc />
    // excerpt: optimized
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = CreateStore,
        Hasher = CreateHasher(),
        ScanCacheFactory = CreateScanCache,
        ReleaseScannerAfterLoad = true,
        CollectBetweenPhases = true,
    };
    // end excerpt

    private static StructOfArraysNodeStore CreateStore(string root) => new(root);

    private static IContentHasher CreateHasher() => new ChunkedMd5ContentHasher();

    // With ReleaseScannerAfterLoad the cache goes with the scanner after loading either way; held
    // weakly, it can also give entries back during a long scan. A source is walked once per scan, so
    // its directives are not kept at all (the dependency log still records them).
    private static IScanCache CreateScanCache() => new WeakScanCache(keepSources: false);
}
