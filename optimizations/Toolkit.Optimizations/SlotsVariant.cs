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
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Slots: compact sealed node classes",
        Idea =
            "Python's `__slots__` replaces an object's attribute dictionary with a fixed set of fields; SCons uses it on its nodes for exactly that reason. " +
            "The .NET equivalent is a node class that holds only fixed fields: no dictionary for rare flags (they become bits in one byte), enums stored as bytes, " +
            "edge lists as exact-size arrays instead of `List<T>` (which carries its own object, a count, a version and spare capacity), and fields ordered so the " +
            "runtime does not pad between them.\n\n" +
            "Each node is still one object, so the code that walks the graph reads the same; what goes away is the per-node overhead of six list objects, " +
            "one dictionary and their slack.",
        WhenToUse =
            "- Many small objects of one type, each with several collections that are mostly empty or short.\n" +
            "- A type with a property bag for flags that few instances set.\n" +
            "- You want a saving without changing how the rest of the code reaches a node (still an object reference).",
        WhenNot =
            "- The collections keep growing after construction: exact-size arrays must be copied on every append.\n" +
            "- The set of attributes is open-ended (plugins add their own): a bag is the honest design there.\n" +
            "- Nodes are few (thousands): the saving is real per node but too small in total to matter.",
        After = SourceRegion.Variant("Slots/SlotsNode.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = root => new SlotsNodeStore(root),
    };
}
