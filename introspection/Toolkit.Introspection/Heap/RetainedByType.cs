namespace Toolkit.Introspection.Heap;

/// <summary>
/// Retained size per type from the dominator tree: a depth-first walk of the tree that counts an
/// instance's retained size only when no instance of the same type dominates it (a counter per
/// type of instances on the current tree path), so nested instances are not counted twice. O(N).
/// </summary>
public static class RetainedByType
{
    public static IEnumerable<HeapTypeRetained> Compute(HeapGraph graph, DominatorTree tree)
    {
        int n = graph.ObjectCount;
        // Dominator tree in CSR form (the virtual root at n).
        var start = new int[n + 2];
        for (int id = 0; id < n; id++)
        {
            int d = tree.ImmediateDominator(id);
            if (d != DominatorTree.Unreachable)
            {
                start[(d == DominatorTree.Root ? n : d) + 1]++;
            }
        }
        for (int i = 0; i <= n; i++)
        {
            start[i + 1] += start[i];
        }
        var kids = new int[start[n + 1]];
        var fill = (int[])start.Clone();
        for (int id = 0; id < n; id++)
        {
            int d = tree.ImmediateDominator(id);
            if (d != DominatorTree.Unreachable)
            {
                kids[fill[d == DominatorTree.Root ? n : d]++] = id;
            }
        }
        fill = null!;
        int types = graph.Types.Count;
        var active = new int[types];
        var retained = new long[types];
        var counts = new long[types];
        var shallow = new long[types];
        var stackNode = new int[n + 1];
        var stackPos = new int[n + 1];
        int sp = 0;
        stackNode[0] = n;
        stackPos[0] = start[n];
        while (sp >= 0)
        {
            int node = stackNode[sp];
            if (stackPos[sp] < start[node + 1])
            {
                int child = kids[stackPos[sp]++];
                int t = graph.TypeIndex(child);
                counts[t]++;
                shallow[t] += graph.Size(child);
                if (active[t] == 0)
                {
                    retained[t] += tree.RetainedSize(child);
                }
                active[t]++;
                sp++;
                stackNode[sp] = child;
                stackPos[sp] = start[child];
            }
            else
            {
                if (node != n)
                {
                    active[graph.TypeIndex(node)]--;
                }
                sp--;
            }
        }
        return Enumerable.Range(0, types).Where(t => counts[t] > 0).OrderByDescending(t => retained[t])
            .Select(t => new HeapTypeRetained(graph.Types[t].Name, counts[t], shallow[t], retained[t])).ToList();
    }
}
