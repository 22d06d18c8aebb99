using Toolkit.Engine.Build;
using Toolkit.Optimizations.LazyInit;

namespace Toolkit.Optimizations;

/// <summary>
/// Allocates rarely used node members on first use (explicit-depends, ignore, order-only and
/// side-effect lists, the attribute dictionary) and computes derived values (name, suffix, absolute
/// path) on demand instead of storing them. Everything else is the baseline's. Saves the empty lists,
/// dictionary and derived strings most nodes carry; costs a null check per edge query and a string per
/// derived-path request.
/// </summary>
public sealed class LazyInitVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "lazy-init";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Rare members (depends, ignore, order-only and side-effect lists, attribute dictionary) made on first use; name, suffix and absolute path computed when asked. Saves the empty lists, the dictionary and three strings per node; costs a null check per edge query and a new string per derived-path request.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Lazy initialization: allocate on first use, compute what can be derived",
        Idea =
            "Most nodes never use most of their members: a header has no sources, almost nothing has side effects or ignored dependencies, " +
            "and the attribute dictionary is empty on nearly every node. Lazy initialization leaves those members null until the first " +
            "write and hands out a shared empty list to readers. Values that can be derived (the name and suffix from the path, the absolute " +
            "path from the root and the path) are computed when asked instead of stored.",
        WhenToUse =
            "- Members that are empty on most instances (measure it: the heap analyzer's empty-collections inspection counts them).\n" +
            "- Derived values that are cheap to recompute and read rarely.\n" +
            "- A change that keeps the object model: callers only see properties.",
        WhenNot =
            "- Members that nearly every instance fills anyway: the null checks cost time and save nothing.\n" +
            "- Derived values read in hot loops: recomputing them allocates on every call.\n" +
            "- Concurrent first writes without care: lazy members need a thread-safe first assignment.",
        After = SourceRegion.Variant("LazyInit/LazyInitNode.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = root => new LazyInitNodeStore(root),
    };
}
