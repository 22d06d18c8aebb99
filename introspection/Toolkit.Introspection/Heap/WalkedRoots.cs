using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>What the <see cref="HeapWalker"/> takes from the runtime besides the objects: the GC roots by kind, the static fields
/// as named roots, and the dependent handles (ConditionalWeakTable), which it records as references from key to dependent.</summary>
internal static class WalkedRoots
{
    /// <summary>The dependents of each key object of a dependent handle: they live while the key lives.</summary>
    public static Dictionary<ulong, List<ulong>> Dependents(ClrRuntime runtime)
    {
        var dependents = new Dictionary<ulong, List<ulong>>();
        foreach (var handle in runtime.EnumerateHandles())
        {
            // Dependent handles (ConditionalWeakTable) keep their dependent alive while the key lives: a reference from key to dependent.
            if (handle.HandleKind == ClrHandleKind.Dependent && handle.Object.Address != 0 && handle.Dependent.Address != 0)
            {
                if (!dependents.TryGetValue(handle.Object.Address, out var list))
                {
                    dependents[handle.Object.Address] = list = [];
                }
                list.Add(handle.Dependent.Address);
            }
        }
        return dependents;
    }

    /// <summary>Writes every GC root, then every static field holding an object as a root named <c>Type.Field</c>.</summary>
    public static void Write(HeapFileWriter writer, ClrRuntime runtime)
    {
        foreach (var root in runtime.Heap.EnumerateRoots())
        {
            if (root.Object.Address != 0)
            {
                writer.WriteRoot(MapKind(root.RootKind), root.Object.Address);
            }
        }
        foreach (var (address, name) in StaticFieldRoots.Enumerate(runtime))
        {
            writer.WriteRoot(HeapRootKind.Static, address, name);
        }
    }

    private static HeapRootKind MapKind(ClrRootKind kind) => kind switch
    {
        ClrRootKind.Stack => HeapRootKind.Stack,
        ClrRootKind.StrongHandle => HeapRootKind.StrongHandle,
        ClrRootKind.PinnedHandle => HeapRootKind.PinnedHandle,
        ClrRootKind.AsyncPinnedHandle => HeapRootKind.AsyncPinnedHandle,
        ClrRootKind.RefCountedHandle => HeapRootKind.RefCountedHandle,
        ClrRootKind.SizedRefHandle => HeapRootKind.SizedRefHandle,
        ClrRootKind.FinalizerQueue => HeapRootKind.FinalizerQueue,
        ClrRootKind.StaticVar => HeapRootKind.Static,
        ClrRootKind.ThreadStaticVar => HeapRootKind.ThreadStatic,
        _ => HeapRootKind.Other,
    };
}
