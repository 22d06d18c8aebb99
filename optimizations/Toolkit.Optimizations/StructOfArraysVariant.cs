using Toolkit.Engine.Build;
using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations;

/// <summary>
/// No object per node: the <see cref="StructOfArraysNodeStore"/> keeps nodes as parallel arrays
/// indexed by id, names as UTF-8 bytes in an arena of 64 KiB chunks, edges in CSR int arrays, executors as arrays,
/// one 48-byte info slot per node, and drops build info once a node is built. Saves most of the
/// graph's bytes per node and nearly all of the objects the GC must trace; costs a string
/// allocation per path query. Everything else (hasher, scan cache) is the baseline's.
/// </summary>
public sealed class StructOfArraysVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "struct-of-arrays";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Parallel arrays by node id instead of node objects: kinds and states as bytes, names as UTF-8 in one arena (paths rebuilt on demand), an open-addressing int hash table for path lookup, CSR edges, one 48-byte info slot per node, build info released after each node. Saves most bytes per node and almost all GC tracing; costs a string allocation per path query.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Struct of arrays: no object per node",
        Idea =
            "Instead of one object per node, the store keeps one array per field, all indexed by the node's dense id: kinds in a `byte[]`, " +
            "names in one UTF-8 arena with offsets, signatures in a table of 16-byte values. Edges are kept in compressed sparse row (CSR) form: " +
            "one `int[]` of offsets per node and one `int[]` of neighbour ids, instead of a list object per node and edge kind.\n\n" +
            "Every per-object cost disappears: the 16-byte object header and method-table pointer, the reference that points at the object, " +
            "and the padding. The garbage collector has a few large arrays to trace instead of millions of small objects, so full collections get cheaper too.",
        WhenToUse =
            "- Hundreds of thousands of nodes or more, loaded once and then mostly read.\n" +
            "- Graph walks that go by id (schedulers, topological sorts): arrays give them cache-friendly access.\n" +
            "- GC time matters: fewer objects means less marking in every gen-2 collection.",
        WhenNot =
            "- The graph is edited a lot after loading: CSR arrays must be rebuilt or patched with an overflow log.\n" +
            "- The code hands nodes around as objects (events, plugins, user scripts): every such use needs a handle or a new string.\n" +
            "- Small graphs, where the simpler object model is easier to read and debug.",
        After = SourceRegion.Variant("StructOfArrays/StructOfArraysNodeStore.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = root => new StructOfArraysNodeStore(root),
    };
}
