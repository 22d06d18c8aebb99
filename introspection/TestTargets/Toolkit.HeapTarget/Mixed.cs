namespace Toolkit.HeapTarget;

/// <summary>
/// The "mixed" heap: the shapes real processes have and the hand-worked ones lack. Collections
/// (a dictionary of arrays, whose entry array holds arrays; an empty dictionary; a set), live
/// finalizable objects, objects ready for finalization behind a blocked finalizer thread (rooted
/// by the finalization queue), dead finalizable objects and plain garbage not yet collected.
/// The counts are public so the tests compare against them.
/// </summary>
public static class Mixed
{
    public const int DictionaryEntries = 100;
    public const int SetEntries = 40;
    public const int LiveFinalizables = 10;
    public const int ReadyFinalizables = 20;
    public const int DeadFinalizables = 30;
    public const int GarbageNodes = 1000;

    /// <summary>Builds the live part; the caller roots what it returns with a handle.</summary>
    public static List<object> BuildLive()
    {
        var byName = new Dictionary<string, int[]>();
        for (int i = 0; i < DictionaryEntries; i++)
        {
            byName["key" + i] = new int[i % 5];
        }
        var set = new HashSet<string>();
        for (int i = 0; i < SetEntries; i++)
        {
            set.Add("member" + i);
        }
        var live = new List<object> { byName, new Dictionary<string, int>(), set };
        for (int i = 0; i < LiveFinalizables; i++)
        {
            live.Add(new LiveFinalizable());
        }
        return live;
    }

    /// <summary>Blocks the finalizer thread, then lets <see cref="ReadyFinalizables"/> objects die and collects:
    /// they are queued for finalization but never finalized, so the finalization queue roots them.</summary>
    public static void QueueBlockedFinalizers()
    {
        BlockingFinalizable.Create();
        GC.Collect();
        BlockingFinalizable.Started.Wait();
        CreateReady();
        GC.Collect();
    }

    /// <summary>Allocates garbage after the last collection (too little to start another): dead finalizable objects and plain nodes.</summary>
    public static void LeaveGarbage()
    {
        for (int i = 0; i < DeadFinalizables; i++)
        {
            _ = new DeadFinalizable();
        }
        GarbageNode? chain = null;
        for (int i = 0; i < GarbageNodes; i++)
        {
            chain = new GarbageNode { Next = chain };
        }
        GC.KeepAlive(chain);
    }

    private static void CreateReady()
    {
        for (int i = 0; i < ReadyFinalizables; i++)
        {
            _ = new ReadyFinalizable { Child = new FinalizableChild() };
        }
    }
}
