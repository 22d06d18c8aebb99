using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the struct-of-arrays page: no object per node.</summary>
public sealed class StructOfArraysTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "struct-of-arrays";

    /// <inheritdoc />
    public string Title => "Struct of arrays: no object per node";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "Instead of one object per node, the store keeps one array per field, all indexed by the node's dense id: kinds in a `byte[]`, " +
        "names in one UTF-8 arena with offsets, signatures in a table of 16-byte values. Edges are kept in compressed sparse row (CSR) form: " +
        "one `int[]` of offsets per node and one `int[]` of neighbour ids, instead of a list object per node and edge kind.\n\n" +
        "Every per-object cost disappears: the 16-byte object header and method-table pointer, the reference that points at the object, " +
        "and the padding. The garbage collector has a few large arrays to trace instead of millions of small objects, so full collections get cheaper too.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Hundreds of thousands of nodes or more, loaded once and then mostly read.\n" +
        "- Graph walks that go by id (schedulers, topological sorts): arrays give them cache-friendly access.\n" +
        "- GC time matters: fewer objects means less marking in every gen-2 collection.";

    /// <inheritdoc />
    public string WhenNot =>
        "- The graph is edited a lot after loading: CSR arrays must be rebuilt or patched with an overflow log.\n" +
        "- The code hands nodes around as objects (events, plugins, user scripts): every such use needs a handle or a new string.\n" +
        "- Small graphs, where the simpler object model is easier to read and debug.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("StructOfArrays/StructOfArraysNodeStore.cs", Variant);
}
