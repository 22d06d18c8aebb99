namespace Toolkit.Optimizations;

/// <summary>
/// The prose of a variant's recommendation page, written once by a person and carried by the variant
/// itself (<see cref="IMemoryVariant.Technique"/>), so that adding a variant to the factory is all it
/// takes for its page to appear: the idea, when to use it and when not, and the code it quotes.
/// Everything measured (savings, costs, the verdict) comes from the results, never from here.
/// </summary>
public sealed class TechniqueDescription
{
    /// <summary>The page's title.</summary>
    public required string Title { get; init; }

    /// <summary>The figure the technique is judged by.</summary>
    public MemoryMetric JudgedBy { get; init; } = MemoryMetric.RetainedAfterBuild;

    /// <summary>The idea, in a paragraph or two of markdown.</summary>
    public required string Idea { get; init; }

    /// <summary>When the technique pays, as markdown bullet lines ("- ...").</summary>
    public required string WhenToUse { get; init; }

    /// <summary>When it does not, as markdown bullet lines ("- ...").</summary>
    public required string WhenNot { get; init; }

    /// <summary>The baseline code the technique replaces, one region or several shown in order.</summary>
    public IReadOnlyList<SourceRegion> Before { get; init; } = SourceRegion.Baseline;

    /// <summary>The technique's own code (by convention the region is named after the variant).</summary>
    public required SourceRegion After { get; init; }
}
