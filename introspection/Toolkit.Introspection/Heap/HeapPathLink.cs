namespace Toolkit.Introspection.Heap;

/// <summary>One object on a path from a root, with the field of the previous object that holds it (null on the root's own object; "[]" for an array element).</summary>
public readonly record struct HeapPathLink(HeapObject Object, string? Field);
