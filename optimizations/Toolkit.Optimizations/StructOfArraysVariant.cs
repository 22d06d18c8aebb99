using Toolkit.Engine.Build;
using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations;

/// <summary>
/// No object per node: the <see cref="StructOfArraysNodeStore"/> keeps nodes as parallel arrays
/// indexed by id, names as UTF-8 bytes in one arena, edges in CSR int arrays, executors as arrays,
/// one 48-byte info slot per node, and drops build info once a node is built. Saves most of the
/// graph's bytes per node and nearly all of the objects the GC must trace; costs a string
/// allocation per path query. Everything else (hasher, scan cache) is the baseline's.
/// </summary>
public sealed class StructOfArraysVariant : IMemoryVariant
{
    /// <inheritdoc />
    public string Name => StructOfArraysNodeStore.Name;

    /// <inheritdoc />
    public string Summary =>
        "Parallel arrays by node id instead of node objects: kinds and states as bytes, names as UTF-8 in one arena (paths rebuilt on demand), an open-addressing int hash table for path lookup, CSR edges, one 48-byte info slot per node, build info released after each node. Saves most bytes per node and almost all GC tracing; costs a string allocation per path query.";

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        VariantName = Name,
        StoreFactory = root => new StructOfArraysNodeStore(root),
    };
}
