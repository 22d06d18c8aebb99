namespace Toolkit.HeapTarget;

/// <summary>A vertex of the shared subtree: two reference fields, 32 bytes on x64.</summary>
public sealed class SharedNode
{
    public SharedNode? Left;
    public SharedNode? Right;
}
