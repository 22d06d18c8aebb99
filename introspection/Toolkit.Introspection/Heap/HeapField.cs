namespace Toolkit.Introspection.Heap;

/// <summary>An instance field of a heap type: name, offset from the first field, size, and whether it holds a reference.</summary>
public sealed record HeapField(string Name, int Offset, int Size, bool IsReference, bool IsValueType);
