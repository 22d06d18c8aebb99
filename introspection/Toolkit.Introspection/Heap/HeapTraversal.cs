namespace Toolkit.Introspection.Heap;

/// <summary>Reachability over a <see cref="HeapGraph"/> with a bitset (1 bit per object) and an explicit stack: no recursion, no per-object allocation.</summary>
public static class HeapTraversal
{
    /// <summary>Marks every object reachable from <paramref name="starts"/> (all GC roots when null, with the frozen heap's
    /// objects when <paramref name="includeFrozen"/>) without entering <paramref name="excluded"/>.</summary>
    public static ulong[] Reachable(HeapGraph graph, IEnumerable<int>? starts, IEnumerable<int>? excluded, bool includeFrozen = false)
    {
        int n = graph.ObjectCount;
        var seen = new ulong[(n + 63) / 64];
        if (excluded is not null)
        {
            foreach (int x in excluded)
            {
                seen[x >> 6] |= 1UL << x;
            }
        }
        var blocked = excluded is null ? null : (ulong[])seen.Clone();
        var stackArray = new Stack<int>();
        IEnumerable<int> from = starts ?? Enumerable.Range(0, graph.RootCount).Select(graph.RootObject)
            .Concat(includeFrozen ? graph.FrozenObjects() : []);
        foreach (int s in from)
        {
            if ((seen[s >> 6] & (1UL << s)) == 0)
            {
                seen[s >> 6] |= 1UL << s;
                stackArray.Push(s);
            }
        }
        while (stackArray.Count > 0)
        {
            int id = stackArray.Pop();
            foreach (int c in graph.Children(id))
            {
                if ((seen[c >> 6] & (1UL << c)) == 0)
                {
                    seen[c >> 6] |= 1UL << c;
                    stackArray.Push(c);
                }
            }
        }
        if (blocked is not null)
        {
            for (int i = 0; i < seen.Length; i++)
            {
                seen[i] &= ~blocked[i];
            }
        }
        return seen;
    }

    public static bool IsSet(ulong[] bits, int id) => (bits[id >> 6] & (1UL << id)) != 0;

    /// <summary>Objects and bytes reachable from <paramref name="starts"/>, not entering <paramref name="excluded"/>.</summary>
    public static (long Objects, long Bytes) ReachableSize(HeapGraph graph, IEnumerable<int> starts, IEnumerable<int>? excluded = null)
    {
        var bits = Reachable(graph, starts, excluded);
        long objects = 0;
        long bytes = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (IsSet(bits, id))
            {
                objects++;
                bytes += graph.Size(id);
            }
        }
        return (objects, bytes);
    }
}
