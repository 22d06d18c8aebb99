namespace Toolkit.Introspection.Heap;

/// <summary>One duplicated string value: how many copies, the bytes of one, the bytes the copies beyond the first waste, and the fields that hold most of them.</summary>
public sealed record HeapStringRow(string Value, long Copies, long BytesEach, long WastedBytes, IReadOnlyList<string> HeldBy);
