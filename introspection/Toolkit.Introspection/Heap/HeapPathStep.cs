namespace Toolkit.Introspection.Heap;

/// <summary>One object on a path from a root, with the field of the previous object that holds it.</summary>
public sealed record HeapPathStep(string Address, string Type, string? ViaField);
