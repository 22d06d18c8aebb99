namespace Toolkit.Introspection.Heap;

/// <summary>A path from a GC root (of the given kind, with its name when it is a static field) to an object: why it is alive.</summary>
public sealed record HeapPath(string RootKind, string RootName, IReadOnlyList<HeapPathStep> Steps);
