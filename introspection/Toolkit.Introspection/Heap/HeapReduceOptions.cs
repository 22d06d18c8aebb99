namespace Toolkit.Introspection.Heap;

/// <summary>Which noise reductions <see cref="HeapGraphReducer"/> applies (both on by default, each switchable).</summary>
public sealed record HeapReduceOptions
{
    /// <summary>Fold the arrays behind List, Dictionary, HashSet and the like into their owner (Meliae's collapse_instance_dicts).</summary>
    public bool FoldCollectionInternals { get; init; } = true;

    /// <summary>Cut references from and to runtime infrastructure (type objects, reflection caches) that make everything reach everything (Meliae's remove_expensive_references).</summary>
    public bool CutInfrastructureEdges { get; init; } = true;
}
