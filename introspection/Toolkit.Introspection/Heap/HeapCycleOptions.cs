namespace Toolkit.Introspection.Heap;

/// <summary>What <see cref="HeapCycles.Find"/> reports.</summary>
public sealed record HeapCycleOptions
{
    /// <summary>Also report cycles made of framework objects only (System.*, Microsoft.*: the runtime's own caches and threads); off by default.</summary>
    public bool IncludeFramework { get; init; }

    /// <summary>How many shapes to list, biggest first.</summary>
    public int Top { get; init; } = 20;

    /// <summary>
    /// How many edge kinds of a shape are tried as the one to weaken. Each try is one component search of the shape's largest cycle
    /// (its objects and edges); shapes rarely have more than a handful of kinds, so the bound only matters for a heap-wide tangle.
    /// </summary>
    public int MaxWeakenCandidates { get; init; } = 16;
}
