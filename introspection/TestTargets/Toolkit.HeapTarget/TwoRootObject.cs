namespace Toolkit.HeapTarget;

/// <summary>An object held by two GC handles; its one child is a <see cref="TwoRootChild"/>. 24 bytes.</summary>
public sealed class TwoRootObject
{
    public TwoRootChild? Child;
}
