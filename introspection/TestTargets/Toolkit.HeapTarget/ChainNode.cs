namespace Toolkit.HeapTarget;

/// <summary>A link of the chain shape: one reference field, 24 bytes on x64.</summary>
public sealed class ChainNode
{
    public ChainNode? Next;
}
