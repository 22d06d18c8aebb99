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
    public EngineSettings CreateSettings() => new()
    {
        VariantName = VariantName,
        StoreFactory = root => new WeakReferencesNodeStore(root),
        ScanCacheFactory = () => new WeakScanCache(),
        ReleaseScannerAfterLoad = true,
    };
}
