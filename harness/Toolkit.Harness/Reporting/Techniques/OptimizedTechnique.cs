using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the optimized page: every technique that composes.</summary>
public sealed class OptimizedTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "optimized";

    /// <inheritdoc />
    public string Title => "Optimized: every technique that composes";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "The optimized profile combines the techniques that work together: the struct-of-arrays store (which already subsumes slots, " +
        "interned names and binary signatures), chunked hashing, and build-time data released after use. Savings do not add up: once " +
        "there is no object per node, removing a list from the node object saves nothing more. What the combination gives is measured " +
        "here directly, not summed.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- The graph is large and memory is the limit (CI machines, build servers holding several projects).\n" +
        "- The engine's code reaches nodes through the store's interface already, so the representation can change freely.";

    /// <inheritdoc />
    public string WhenNot =>
        "- Readability of the node model matters more than memory (teaching, small projects).\n" +
        "- One of the parts costs more time than your builds can afford: pick the techniques one by one instead.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("OptimizedVariant.cs", Variant);
}
