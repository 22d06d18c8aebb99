namespace Toolkit.HeapTarget;

/// <summary>The child of <see cref="TwoRootObject"/>: one reference field left null, 24 bytes.</summary>
public sealed class TwoRootChild
{
    public object? Unused;
}
