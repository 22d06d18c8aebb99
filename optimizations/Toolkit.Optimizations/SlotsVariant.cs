using Toolkit.Engine.Build;
using Toolkit.Optimizations.Slots;

namespace Toolkit.Optimizations;

/// <summary>
/// The analogue of Python's <c>__slots__</c>: the baseline's node as a compact sealed class with fixed
/// fields only (no attribute dictionary, rare flags as bits of a byte, byte enums, exact-size arrays
/// instead of lists, node info inline, fields ordered to pack without padding). Everything else
/// (strings, hex signatures, hasher, caches, kept build info) is the baseline's, so the saving is the
/// layout's alone. Costs a trimming pass over all nodes at the end of loading.
/// </summary>
public sealed class SlotsVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "slots";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Compact sealed node class with fixed fields: no attribute dictionary (flags in a byte), byte enums, exact-size arrays instead of six List<T> objects, node info inline, fields packed without padding. Saves the list objects, the dictionary and spare capacity per node; costs a trimming pass at the end of loading and an inline info that is there even when nothing is known.";

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        VariantName = VariantName,
        StoreFactory = root => new SlotsNodeStore(root),
    };
}
