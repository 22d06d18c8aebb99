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
    /// <inheritdoc />
    public string Name => "optimized";

    /// <inheritdoc />
    public string Summary =>
        "All strategies that compose: the struct-of-arrays store (parallel arrays, UTF-8 name arena, CSR edges, one info slot, build info released), chunked MD5 hashing and the scanner's cache released after loading. Saves the most retained bytes per node; costs a string allocation per path query and re-scanning on every open.";

    /// <inheritdoc />
    // excerpt: optimized
    public EngineSettings CreateSettings() => new()
    {
        VariantName = Name,
        StoreFactory = CreateStore,
        Hasher = CreateHasher(),
        ScanCacheFactory = CreateScanCache,
        ReleaseScannerAfterLoad = true,
    };
    // end excerpt

    private static StructOfArraysNodeStore CreateStore(string root) => new(root);

    private static IContentHasher CreateHasher() => new ChunkedMd5ContentHasher();

    // With ReleaseScannerAfterLoad the cache goes with the scanner after loading either way; held
    // weakly, it can also give entries back during a long scan.
    private static IScanCache CreateScanCache() => new WeakScanCache();
}
