namespace Toolkit.Introspection.Heap;

/// <summary>One inspection result: what was found, the optimization that would fix it, where (type or field), how many objects and how many bytes it would save, with examples.</summary>
public sealed record HeapFinding(string Kind, string Optimization, string Subject, long Objects, long WastedBytes, string Detail, IReadOnlyList<string> Examples);
