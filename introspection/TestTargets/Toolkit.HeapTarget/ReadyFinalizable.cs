namespace Toolkit.HeapTarget;

/// <summary>A finalizable object that died while the finalizer thread was blocked: ready for finalization, so rooted by the finalization queue, with its child.</summary>
public sealed class ReadyFinalizable
{
    public FinalizableChild? Child;

    ~ReadyFinalizable()
    {
        Child = null;
    }
}
