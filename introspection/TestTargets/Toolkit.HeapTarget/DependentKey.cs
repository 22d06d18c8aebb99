namespace Toolkit.HeapTarget;

/// <summary>The key of the dependent-handle shape: rooted, no fields; its value hangs on it only through a ConditionalWeakTable.</summary>
public sealed class DependentKey
{
    public int Id;
}
