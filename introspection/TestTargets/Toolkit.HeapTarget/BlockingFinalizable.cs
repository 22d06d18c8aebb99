namespace Toolkit.HeapTarget;

/// <summary>An object whose finalizer never returns: once it runs, the finalizer thread is stuck and every object queued after it stays ready for finalization.</summary>
public sealed class BlockingFinalizable
{
    public static ManualResetEventSlim Started { get; } = new();

    private static readonly ManualResetEventSlim Never = new();

    public static void Create() => _ = new BlockingFinalizable();

    ~BlockingFinalizable()
    {
        Started.Set();
        Never.Wait();
    }
}
