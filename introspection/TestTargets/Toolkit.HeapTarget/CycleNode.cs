namespace Toolkit.HeapTarget;

/// <summary>A link of the cycle shape: one reference field, 24 bytes on x64.</summary>
public sealed class CycleNode
{
    public CycleNode? Next;
}
