namespace Toolkit.HeapTarget;

/// <summary>A link of the garbage chain allocated after the last collection: unreachable, not yet collected.</summary>
public sealed class GarbageNode
{
    public GarbageNode? Next;
}
