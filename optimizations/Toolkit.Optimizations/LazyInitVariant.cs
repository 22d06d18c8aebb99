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
    public EngineSettings CreateSettings() => new()
    {
        VariantName = VariantName,
        StoreFactory = root => new LazyInitNodeStore(root),
    };
}
