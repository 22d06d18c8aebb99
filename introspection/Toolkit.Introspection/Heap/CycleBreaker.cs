namespace Toolkit.Introspection.Heap;

/// <summary>
/// Finds the edge kind (<c>Holder.field -&gt; Target</c>) of one cycle whose weakening breaks it: each candidate kind's edges are
/// removed and the cycle's components searched again; the kind that leaves fewest objects in cycles wins (the first that leaves none
/// ends the search). Candidates held by a field of the program's own types come first (a field one can change, not a List's array),
/// then those pointing at a member held from outside (the back-reference to an owner, as a child's parent pointer), then the kinds
/// with fewer edges (fewer references to change). Costs, per candidate, one pass over the cycle's
/// internal edges and a component search; 16 bytes per internal edge and 8 per member for the cycle's own adjacency.
/// </summary>
internal static class CycleBreaker
{
    public static HeapCycles.Weakening? Best(HeapGraph graph, StrongComponents components, ReadOnlySpan<int> members, OutsideHolders outside, int maxCandidates)
    {
        var kinds = HeapCycles.EdgeKinds(graph, components, members);
        var local = new Dictionary<int, int>(members.Length);
        var entryTypes = new HashSet<int>();
        for (int i = 0; i < members.Length; i++)
        {
            local[members[i]] = i;
            if (outside.IsEntry(members[i]) || graph.IsRoot(members[i]))
            {
                entryTypes.Add(graph.TypeIndex(members[i]));
            }
        }
        var (offsets, targets, edgeKinds) = Adjacency(graph, members, local);
        var candidates = kinds.Keys
            .OrderBy(kind => HeapCycles.IsDeclaredByFramework(graph.Types[(int)(kind >> 40)]) ? 1 : 0)
            .ThenBy(kind => entryTypes.Contains((int)(kind & 0xffffffff)) ? 0 : 1)
            .ThenBy(kind => kinds[kind]).ThenBy(kind => kind)
            .Take(Math.Max(1, maxCandidates));
        HeapCycles.Weakening? best = null;
        foreach (long kind in candidates)
        {
            long left = LeftInCycles(members.Length, offsets, targets, edgeKinds, kind);
            if (best is null || left < best.Value.Left)
            {
                best = new HeapCycles.Weakening(kind, Example(graph, members, offsets, targets, edgeKinds, kind, outside), left);
                if (left == 0)
                {
                    break;
                }
            }
        }
        return best;
    }

    // The cycle's internal edges in CSR form over local numbers, each with its kind.
    private static (int[] Offsets, int[] Targets, long[] Kinds) Adjacency(HeapGraph graph, ReadOnlySpan<int> members, Dictionary<int, int> local)
    {
        var offsets = new int[members.Length + 1];
        var targets = new List<int>();
        var kinds = new List<long>();
        for (int i = 0; i < members.Length; i++)
        {
            var children = graph.Children(members[i]);
            for (int p = 0; p < children.Length; p++)
            {
                if (local.TryGetValue(children[p], out int j))
                {
                    targets.Add(j);
                    kinds.Add(HeapCycles.Kind(graph, members[i], p, children[p]));
                }
            }
            offsets[i + 1] = targets.Count;
        }
        return (offsets, [.. targets], [.. kinds]);
    }

    private static long LeftInCycles(int n, int[] offsets, int[] targets, long[] kinds, long removed)
    {
        var kept = new int[n + 1];
        var keptTargets = new int[targets.Length];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                if (kinds[e] != removed)
                {
                    keptTargets[count++] = targets[e];
                }
            }
            kept[i + 1] = count;
        }
        var components = StrongComponents.Compute(n, v => keptTargets.AsSpan(kept[v], kept[v + 1] - kept[v]));
        long left = 0;
        for (int v = 0; v < n; v++)
        {
            int c = components.Of(v);
            if (components.Size(c) > 1 || keptTargets.AsSpan(kept[v], kept[v + 1] - kept[v]).Contains(v))
            {
                left++;
            }
        }
        return left;
    }

    // One edge of the kind, preferring one into a member held from outside: "0x.. Holder.field -> 0x.. Target".
    private static string Example(HeapGraph graph, ReadOnlySpan<int> members, int[] offsets, int[] targets, long[] kinds, long kind, OutsideHolders outside)
    {
        int holder = -1;
        int target = -1;
        for (int i = 0; i < members.Length && (target < 0 || !outside.IsEntry(target)); i++)
        {
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                if (kinds[e] == kind && (target < 0 || outside.IsEntry(members[targets[e]])))
                {
                    (holder, target) = (members[i], members[targets[e]]);
                    if (outside.IsEntry(target))
                    {
                        break;
                    }
                }
            }
        }
        int ordinal = (int)((kind >> 32) & 0xff);
        var fields = graph.TypeOf(holder).Fields;
        string field = ordinal == 0 || ordinal > fields.Count ? "[]" : fields[ordinal - 1].Name;
        return $"{HeapFormat.Address(graph.Address(holder))} {graph.TypeNameOf(holder)}.{field} -> {HeapFormat.Address(graph.Address(target))} {graph.TypeNameOf(target)}";
    }
}
