namespace Toolkit.Introspection.Heap;

/// <summary>A reference field of an object and the object it holds (one entry of Meliae's refs_as_dict).</summary>
public sealed record HeapFieldValue(string Field, string Address, string Type, string? Preview);
