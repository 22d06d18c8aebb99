namespace Toolkit.Introspection.Heap;

/// <summary>
/// Retained size per type from the dominator tree: a depth-first walk of the tree that counts an
/// instance's retained size only when no instance of the same type dominates it (a counter per
/// type of instances on the current tree path), so nested instances are not counted twice. O(N).
/// </summary>
public static class RetainedByType
{
    // First size of the walk's stack; it doubles when the dominator tree is deeper.
    private const int InitialDepth = 1024;

    public static IEnumerable<HeapTypeRetained> Compute(HeapGraph graph, DominatorTree tree)
    {
        int n = graph.ObjectCount;
        var dominated = tree.Tree();
        int types = graph.Types.Count;
        var active = new int[types];
        var retained = new long[types];
        var counts = new long[types];
        var shallow = new long[types];
        // The stack grows with the tree's depth (usually tens), not with the object count.
        var stackNode = new int[InitialDepth];
        var stackPos = new int[InitialDepth];
        int sp = 0;
        stackNode[0] = n;
        stackPos[0] = 0;
        while (sp >= 0)
        {
            int node = stackNode[sp];
            var kids = dominated.Of(node);
            if (stackPos[sp] < kids.Length)
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
                if (sp == stackNode.Length)
                {
                    Array.Resize(ref stackNode, sp * 2);
                    Array.Resize(ref stackPos, sp * 2);
                }
                stackNode[sp] = child;
                stackPos[sp] = 0;
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
            .Select(t => new HeapTypeRetained(graph.TypeName(t), counts[t], shallow[t], retained[t])).ToList();
    }
}
