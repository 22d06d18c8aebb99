namespace Toolkit.Introspection.Heap;

/// <summary>A path from a GC root (of the given kind) to an object: why it is alive.</summary>
public sealed record HeapPath(string RootKind, IReadOnlyList<HeapPathStep> Steps);
