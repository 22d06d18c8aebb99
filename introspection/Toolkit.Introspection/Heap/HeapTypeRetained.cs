namespace Toolkit.Introspection.Heap;

/// <summary>Retained bytes of a type: the sum over its instances not dominated by another instance of the same type (no double counting).</summary>
public sealed record HeapTypeRetained(string Type, long Count, long ShallowBytes, long RetainedBytes);
