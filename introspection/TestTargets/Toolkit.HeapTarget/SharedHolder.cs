namespace Toolkit.HeapTarget;

/// <summary>One of the two rooted holders of the shared subtree: one reference field, 24 bytes.</summary>
public sealed class SharedHolder
{
    public SharedNode? Child;
}
