using Toolkit.Engine.Build;

namespace Toolkit.Optimizations;

/// <summary>
/// <see cref="OptimizedVariant"/> plus the build image (<c>.toolkit.image</c>, engine/Toolkit.Engine/Image/FORMAT.md):
/// a null build leaves a compact file of every path the decisions stat'ed or read, with the answer, and the
/// hashes of the manifest, the dependency log and the database; the next null build maps it, checks the hashes
/// and stats the paths, and reports "nothing to do" without building a managed graph. Saves the whole load of a
/// null build; costs the file (24 bytes plus the path per probed file, written after each null build that had to
/// load), the recording of every probe while loading and building, and hashing the manifest on every open.
/// </summary>
public sealed class MappedVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "mapped";

    private readonly OptimizedVariant _optimized = new();

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "The optimized variant plus a build image: a build that finished whole leaves .toolkit.image (per probed path 24 bytes and its UTF-8 name, the hashes of the manifest, dependency log and database), and the next null build reads it through a 64 KiB window and stats each path instead of loading the project. Saves the whole load of a null build; costs that file, written after each build that had to load, recording every probe while loading and building, and hashing the manifest, log and database on every open.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Mapped: a null build from a build image",
        Idea =
            "A null build needs no graph: when every file the last build looked at (its outputs as they were after their commands) answers a stat exactly as it did then, and the " +
            "manifest, the dependency log and the signature database are byte for byte the ones it saw (a hash, not a date), every " +
            "decision would come out the same. The image keeps those answers in one compact file, read through a small window: " +
            "one stat per path, no managed graph, no scan, no database load. Any difference, a damaged file or another format version, " +
            "and the build loads the project as usual and writes the image again.",
        WhenToUse =
            "- Null builds are frequent (an IDE or a watcher building after every save, CI steps that rebuild nothing).\n" +
            "- The graph is large, so loading it dominates a null build.",
        WhenNot =
            "- Nearly every build changes something: the image is then only written, never used.\n" +
            "- The exact scan mode (it asks the compiler, outside the file system; no image is written).",
        After = SourceRegion.Variant("MappedVariant.cs", VariantName),
    };

    /// <inheritdoc />
    // excerpt: mapped
    public EngineSettings CreateSettings()
    {
        var optimized = _optimized.CreateSettings();
        return new EngineSettings
        {
            StoreFactory = optimized.StoreFactory,
            Hasher = optimized.Hasher,
            ScanCacheFactory = optimized.ScanCacheFactory,
            ReleaseScannerAfterLoad = optimized.ReleaseScannerAfterLoad,
            CollectBetweenPhases = optimized.CollectBetweenPhases,
            BuildImage = true,
        };
    }
    // end excerpt
}
