using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the lazy-init page: allocate on first use.</summary>
public sealed class LazyInitTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "lazy-init";

    /// <inheritdoc />
    public string Title => "Lazy initialization: allocate on first use, compute what can be derived";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "Most nodes never use most of their members: a header has no sources, almost nothing has side effects or ignored dependencies, " +
        "and the attribute dictionary is empty on nearly every node. Lazy initialization leaves those members null until the first " +
        "write and hands out a shared empty list to readers. Values that can be derived (the name and suffix from the path, the absolute " +
        "path from the root and the path) are computed when asked instead of stored.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Members that are empty on most instances (measure it: the heap analyzer's empty-collections inspection counts them).\n" +
        "- Derived values that are cheap to recompute and read rarely.\n" +
        "- A change that keeps the object model: callers only see properties.";

    /// <inheritdoc />
    public string WhenNot =>
        "- Members that nearly every instance fills anyway: the null checks cost time and save nothing.\n" +
        "- Derived values read in hot loops: recomputing them allocates on every call.\n" +
        "- Concurrent first writes without care: lazy members need a thread-safe first assignment.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("LazyInit/LazyInitNode.cs", Variant);
}
