namespace Toolkit.Introspection.Heap;

/// <summary>
/// Cycles of one shape (the same kinds of internal edges, <c>Holder.field -&gt; Target</c>): how many, their objects and bytes, the largest
/// one's entry (a member held from outside the cycle) and outside references, and the edge kind whose weakening breaks it
/// (<see cref="LeftInCycles"/> objects of the largest stay in cycles when it does not break them all).
/// </summary>
public sealed record HeapCycleGroup(
    string Shape,
    IReadOnlyList<string> MemberTypes,
    int Cycles,
    long Objects,
    long Bytes,
    long LargestObjects,
    long LargestBytes,
    string EntryAddress,
    string EntryType,
    int Entries,
    long OutsideReferences,
    string? Weaken,
    string? WeakenExample,
    long LeftInCycles);
