namespace Toolkit.HeapTarget;

/// <summary>A finalizable object held by a handle: in the finalization queue's generation list, alive, not a root.</summary>
public sealed class LiveFinalizable
{
    public object? Unused;

    ~LiveFinalizable()
    {
        Unused = null;
    }
}
