using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the slots page: compact sealed node classes.</summary>
public sealed class SlotsTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "slots";

    /// <inheritdoc />
    public string Title => "Slots: compact sealed node classes";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "Python's `__slots__` replaces an object's attribute dictionary with a fixed set of fields; SCons uses it on its nodes for exactly that reason. " +
        "The .NET equivalent is a node class that holds only fixed fields: no dictionary for rare flags (they become bits in one byte), enums stored as bytes, " +
        "edge lists as exact-size arrays instead of `List<T>` (which carries its own object, a count, a version and spare capacity), and fields ordered so the " +
        "runtime does not pad between them.\n\n" +
        "Each node is still one object, so the code that walks the graph reads the same; what goes away is the per-node overhead of six list objects, " +
        "one dictionary and their slack.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Many small objects of one type, each with several collections that are mostly empty or short.\n" +
        "- A type with a property bag for flags that few instances set.\n" +
        "- You want a saving without changing how the rest of the code reaches a node (still an object reference).";

    /// <inheritdoc />
    public string WhenNot =>
        "- The collections keep growing after construction: exact-size arrays must be copied on every append.\n" +
        "- The set of attributes is open-ended (plugins add their own): a bag is the honest design there.\n" +
        "- Nodes are few (thousands): the saving is real per node but too small in total to matter.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("Slots/SlotsNode.cs", Variant);
}
