using Toolkit.Engine.Build;

namespace Toolkit.Optimizations;

/// <summary>
/// The one list of memory variants, in the order reports show them, and the way to pick one by name.
/// </summary>
public static class VariantFactory
{
    private static readonly IMemoryVariant[] Variants =
    [
        new BaselineVariant(),
        new SlotsVariant(),
        new StructOfArraysVariant(),
        new InterningVariant(),
        new LazyInitVariant(),
        new WeakReferencesVariant(),
        new ChunkedHashingVariant(),
        new OptimizedVariant(),
    ];

    /// <summary>Every variant.</summary>
    public static IReadOnlyList<IMemoryVariant> All => Variants;

    /// <summary>Every variant's name.</summary>
    public static IReadOnlyList<string> Names => Variants.Select(v => v.Name).ToArray();

    /// <summary>The variant with this name; an unknown name is an error listing the valid ones.</summary>
    public static IMemoryVariant Get(string name) =>
        Variants.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"unknown variant '{name}'; valid variants: {string.Join(", ", Names)}");

    /// <summary>The engine settings of the named variant.</summary>
    public static EngineSettings CreateSettings(string name) => Get(name).CreateSettings();
}
