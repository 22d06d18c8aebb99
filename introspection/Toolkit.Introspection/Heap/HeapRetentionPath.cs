namespace Toolkit.Introspection.Heap;

/// <summary>Why an object is alive: the root (kind and name) and the objects from the root's object down to it.</summary>
public sealed record HeapRetentionPath(HeapRoot Root, IReadOnlyList<HeapPathLink> Links);
