using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tracking;

/// <summary>An object expected dead that a full collection did not free: its label, type, address in the snapshot (empty without paths) and what holds it.</summary>
public sealed record ExpectDeadSurvivor(string Label, string Type, string Address, IReadOnlyList<HeapPath> Paths);
