namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>Every optimization with a written page, in the order the project lists variants.</summary>
public static class TechniqueCatalog
{
    private static readonly ITechnique[] Techniques =
    [
        new SlotsTechnique(),
        new StructOfArraysTechnique(),
        new InterningTechnique(),
        new LazyInitTechnique(),
        new WeakReferencesTechnique(),
        new ChunkedHashingTechnique(),
        new OptimizedTechnique(),
    ];

    /// <summary>Every technique.</summary>
    public static IReadOnlyList<ITechnique> All => Techniques;

    /// <summary>The technique of a variant, or null for a variant without a written page.</summary>
    public static ITechnique? Find(string variant) => Techniques.FirstOrDefault(t => t.Variant == variant);
}
