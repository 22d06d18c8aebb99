namespace Toolkit.Introspection.Heap;

/// <summary>
/// Who holds the cycles from outside: per cycle, the references into it from objects of other components and the roots on its
/// members; per object, whether it is such an entry (1 bit). One pass over every reference of the graph.
/// </summary>
internal sealed class OutsideHolders
{
    private readonly HeapGraph _graph;
    private readonly ulong[] _entries;
    private readonly long[] _references;
    private readonly StrongComponents _components;
    private readonly CycleSet _cycles;

    private OutsideHolders(HeapGraph graph, StrongComponents components, CycleSet cycles, ulong[] entries, long[] references)
    {
        _graph = graph;
        _components = components;
        _cycles = cycles;
        _entries = entries;
        _references = references;
    }

    public static OutsideHolders Count(HeapGraph graph, StrongComponents components, CycleSet cycles)
    {
        var entries = new ulong[(graph.ObjectCount + 63) / 64];
        var references = new long[cycles.Count];
        for (int u = 0; u < graph.ObjectCount; u++)
        {
            int from = components.Of(u);
            if (from < 0)
            {
                continue;
            }
            foreach (int w in graph.Children(u))
            {
                int to = components.Of(w);
                int k = cycles.CycleOf(to);
                if (k >= 0 && to != from)
                {
                    references[k]++;
                    entries[w >> 6] |= 1UL << w;
                }
            }
        }
        foreach (int root in graph.RootObjects)
        {
            int k = cycles.CycleOf(components.Of(root));
            if (k >= 0)
            {
                references[k]++;
                entries[root >> 6] |= 1UL << root;
            }
        }
        return new OutsideHolders(graph, components, cycles, entries, references);
    }

    public bool IsEntry(int id) => (_entries[id >> 6] & (1UL << id)) != 0;

    /// <summary>The member that says most about who owns the cycle: the first one a root holds, else the first held from outside, else the first.</summary>
    public int Entry(ReadOnlySpan<int> members)
    {
        int held = -1;
        foreach (int id in members)
        {
            if (_graph.IsRoot(id))
            {
                return id;
            }
            if (held < 0 && IsEntry(id))
            {
                held = id;
            }
        }
        return held >= 0 ? held : members[0];
    }

    public int EntriesOf(ReadOnlySpan<int> members)
    {
        int n = 0;
        foreach (int id in members)
        {
            n += IsEntry(id) ? 1 : 0;
        }
        return n;
    }

    public long ReferencesInto(ReadOnlySpan<int> members) => _references[_cycles.CycleOf(_components.Of(members[0]))];
}
