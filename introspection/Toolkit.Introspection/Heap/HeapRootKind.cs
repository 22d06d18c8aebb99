namespace Toolkit.Introspection.Heap;

/// <summary>Why the runtime keeps an object alive (the kind of a GC root), as recorded in a heap file.</summary>
public enum HeapRootKind : byte
{
    Other = 0,
    Stack = 1,
    StrongHandle = 2,
    PinnedHandle = 3,
    AsyncPinnedHandle = 4,
    RefCountedHandle = 5,
    SizedRefHandle = 6,

    /// <summary>Ready for finalization (the finalization queue's ready list, SOS's f-reachable queue), not merely registered for it.</summary>
    FinalizerQueue = 7,

    /// <summary>A static field (its name is the root's name).</summary>
    Static = 8,

    /// <summary>A thread-static field.</summary>
    ThreadStatic = 9,
}
