namespace Toolkit.Introspection.Heap;

/// <summary>Instances of a type kept alive the same way ("similar retention"): the root kind and the types on their shortest path, with how many and their bytes.</summary>
public sealed record HeapRetentionGroup(string RootKind, IReadOnlyList<string> Path, long Objects, long Bytes, string ExampleAddress);
