namespace Toolkit.Introspection.Heap;

/// <summary>What <see cref="HeapGraphReducer"/> does to a graph. Each costs nothing by itself; any of them costs one new graph.</summary>
public sealed record HeapReduceOptions
{
    /// <summary>Fold the arrays behind List, Dictionary, HashSet and the like into their owner (Meliae's collapse_instance_dicts).</summary>
    public bool FoldCollectionInternals { get; init; } = true;

    /// <summary>Cut references from and to runtime infrastructure (type objects, reflection caches) that make everything reach everything (Meliae's remove_expensive_references).</summary>
    public bool CutInfrastructureEdges { get; init; } = true;

    /// <summary>Leave out objects no root reaches (garbage not yet collected), counted in <see cref="HeapGraph.Unreachable"/>.</summary>
    public bool DropUnreachable { get; init; }

    /// <summary>True when the options change nothing.</summary>
    public bool IsIdentity => !FoldCollectionInternals && !CutInfrastructureEdges && !DropUnreachable;
}
