namespace Toolkit.HeapTarget;

/// <summary>What a <see cref="ReadyFinalizable"/> holds: alive only through the finalization queue.</summary>
public sealed class FinalizableChild
{
    public object? Unused;
}
