namespace Toolkit.HeapTarget;

/// <summary>A finalizable object that died after the last collection: garbage (registered for finalization, not yet found dead).</summary>
public sealed class DeadFinalizable
{
    public object? Unused;

    ~DeadFinalizable()
    {
        Unused = null;
    }
}
