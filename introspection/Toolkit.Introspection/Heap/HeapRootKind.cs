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
    FinalizerQueue = 7,
}
