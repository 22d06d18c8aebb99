namespace Toolkit.Introspection.Heap;

/// <summary>A node of the dominator tree as shown: the object, what it retains, and the nodes it dominates directly (biggest first, to the depth asked).</summary>
public sealed record HeapDominatorNode(HeapObjectLine Object, int DominatedCount, IReadOnlyList<HeapDominatorNode> Children);
