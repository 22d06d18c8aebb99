namespace Toolkit.HeapTarget;

/// <summary>A vertex of the diamond shape: two reference fields, 32 bytes on x64.</summary>
public sealed class DiamondNode
{
    public DiamondNode? Left;
    public DiamondNode? Right;
}
