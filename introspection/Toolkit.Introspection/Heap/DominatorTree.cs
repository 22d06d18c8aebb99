namespace Toolkit.Introspection.Heap;

/// <summary>
/// The dominator tree of a heap graph and exact retained sizes, by the iterative algorithm of
/// Cooper, Harvey and Kennedy over a virtual root that references every GC root, run on
/// postorder numbers. Keeps 8 bytes per object (immediate dominator 4, retained size 4 with rare
/// overflows in a side table), plus 8 per object for <see cref="Tree"/> once asked. Computing
/// costs 12 bytes per object and 4 per reference for its duration (order, predecessors,
/// dominators by number), all freed at the end: the graph's own parents table is neither built
/// nor needed. No recursion.
/// </summary>
public sealed class DominatorTree
{
    /// <summary><see cref="ImmediateDominator"/> of an object dominated only by the virtual root (the GC roots as a whole).</summary>
    public const int Root = -1;

    /// <summary><see cref="ImmediateDominator"/> of an object that no root reaches (garbage not yet collected).</summary>
    public const int Unreachable = -2;

    // Marks in the postorder map while walking: not reached yet, and on the stack (reached, not finished).
    private const int NotVisited = -1;
    private const int OnStack = -2;

    // First size of the walk's stacks; they double when the graph is deeper (a long linked list).
    private const int InitialDepth = 1024;

    private readonly int[] _idom;
    // Retained sizes as unsigned 32-bit values in an int array; the rare sum of 4 GiB or more is in the side table.
    private readonly int[] _retained;
    private readonly Dictionary<int, long> _largeRetained;
    private ReferenceTable? _tree;

    private DominatorTree(int[] idom, int[] retained, Dictionary<int, long> largeRetained, int iterations, long reachable, long workingBytes)
    {
        WorkingBytes = workingBytes;
        _idom = idom;
        _retained = retained;
        _largeRetained = largeRetained;
        Iterations = iterations;
        ReachableObjects = reachable;
    }

    /// <summary>Passes the iterative algorithm needed to converge.</summary>
    public int Iterations { get; }

    public long ReachableObjects { get; }

    /// <summary>Bytes the computation held in its own arrays at its peak (freed when it returned), besides the graph and this tree.</summary>
    public long WorkingBytes { get; }

    public long MemoryBytes => _idom.LongLength * 4 + _retained.LongLength * 4 + _largeRetained.Count * 24L + (_tree?.MemoryBytes ?? 0);

    public int ImmediateDominator(int id) => _idom[id];

    /// <summary>The tree itself: row <c>id</c> lists the objects <c>id</c> dominates directly, and the last row
    /// (number <c>ObjectCount</c>) those only the roots as a whole dominate. Built on first call (4 bytes per reachable object).</summary>
    public ReferenceTable Tree() => _tree ??= BuildTree();

    private ReferenceTable BuildTree()
    {
        int n = _idom.Length;
        // The computation's working arrays (order, dominators by number) go back before the tree's 8 bytes per object come.
        FreedMemory.Collect(n);
        var start = new int[n + 2];
        for (int id = 0; id < n; id++)
        {
            int d = _idom[id];
            if (d != Unreachable)
            {
                start[(d == Root ? n : d) + 1]++;
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
            int d = _idom[id];
            if (d != Unreachable)
            {
                kids[fill[d == Root ? n : d]++] = id;
            }
        }
        return new ReferenceTable(start, kids, null);
    }

    /// <summary>Bytes that would be freed if <paramref name="id"/> were gone: its size plus all it dominates. 0 when unreachable.</summary>
    public long RetainedSize(int id)
    {
        uint r = unchecked((uint)_retained[id]);
        return r == uint.MaxValue ? _largeRetained[id] : r;
    }

    public static DominatorTree Compute(HeapGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.ObjectCount;
        // Everything works on postorder numbers (the virtual root last, count - 1), so a dominator always has a higher number
        // than what it dominates and no id-to-number lookup is needed while iterating. 4 bytes per object each: order, the
        // id-to-number map (whose array then holds the dominators by number), the predecessors (plus 4 per reference).
        var order = new int[n + 1];
        var postIndex = new int[n + 1]; // one slot more than the objects: it becomes the dominators by number, the root included
        int count = Postorder(graph, postIndex, order);
        var (predStart, preds) = Predecessors(graph, postIndex, order, count);
        // The peak: order, the id-to-number map and the predecessors; later stages hold less.
        long working = (order.LongLength + postIndex.LongLength + predStart.LongLength + preds.LongLength) * 4;
        // The id-to-number map is not needed any more: its array (n + 1 >= count slots) holds the dominators by number, so no
        // new 4 bytes per object are allocated while the old ones wait for a collection.
        var idomPost = postIndex;
        postIndex = null!;
        int iterations = FixedPoint(predStart, preds, idomPost, count);
        predStart = null!;
        preds = null!;
        // The predecessors' memory goes back before the result's 8 bytes per object are allocated.
        FreedMemory.Collect(n);
        var idom = new int[n];
        Array.Fill(idom, Unreachable);
        var large = new Dictionary<int, long>();
        var retained = new int[n];
        int root = count - 1;
        for (int p = 0; p < root; p++)
        {
            int id = order[p];
            int d = idomPost[p];
            idom[id] = d == root ? Root : order[d];
            long mine = Retained(retained, large, id) + graph.Size(id);
            Store(retained, large, id, mine);
            if (d != root)
            {
                Store(retained, large, order[d], Retained(retained, large, order[d]) + mine);
            }
        }
        return new DominatorTree(idom, retained, large, iterations, count - 1, Math.Max(working, (order.LongLength + idomPost.LongLength) * 4));
    }

    /// <summary>1. Depth-first postorder from the virtual root, with an explicit stack that grows with the depth (not one slot per object):
    /// fills <paramref name="postIndex"/> (id to number, -1 when unreached) and <paramref name="order"/> (number to id, the root as
    /// ObjectCount); returns how many were reached, with the root.</summary>
    private static int Postorder(HeapGraph graph, int[] postIndex, int[] order)
    {
        int root = graph.ObjectCount;
        var roots = graph.RootObjects;
        Array.Fill(postIndex, NotVisited);
        var stackNode = new int[InitialDepth];
        var stackEdge = new int[InitialDepth];
        int count = 0;
        int sp = 0;
        stackNode[0] = root;
        while (sp >= 0)
        {
            int node = stackNode[sp];
            int edge = stackEdge[sp];
            int next = -1;
            var children = node == root ? roots : graph.Children(node);
            while (edge < children.Length)
            {
                int c = children[edge++];
                if (postIndex[c] == NotVisited)
                {
                    next = c;
                    break;
                }
            }
            stackEdge[sp] = edge;
            if (next >= 0)
            {
                postIndex[next] = OnStack;
                if (++sp == stackNode.Length)
                {
                    Array.Resize(ref stackNode, sp * 2);
                    Array.Resize(ref stackEdge, sp * 2);
                }
                stackNode[sp] = next;
                stackEdge[sp] = 0;
            }
            else
            {
                if (node != root)
                {
                    postIndex[node] = count;
                }
                order[count++] = node;
                sp--;
            }
        }
        return count;
    }

    /// <summary>2. The predecessors of every reached node, by postorder number, in compressed rows (the virtual root is the
    /// predecessor of each GC root). Counted, then filled backwards from each row's end, so no fill cursor per node is needed.</summary>
    private static (int[] Start, int[] Preds) Predecessors(HeapGraph graph, int[] postIndex, int[] order, int count)
    {
        int root = count - 1;
        var start = new int[count + 1];
        long edges = 0;
        for (int p = 0; p < count; p++)
        {
            var children = p == root ? graph.RootObjects : graph.Children(order[p]);
            foreach (int c in children)
            {
                start[postIndex[c]]++;
            }
            edges += children.Length;
        }
        for (int q = 0; q < count; q++)
        {
            start[q + 1] += start[q];
        }
        var preds = new int[edges];
        for (int p = 0; p < count; p++)
        {
            var children = p == root ? graph.RootObjects : graph.Children(order[p]);
            foreach (int c in children)
            {
                preds[--start[postIndex[c]]] = p;
            }
        }
        return (start, preds);
    }

    /// <summary>3. Cooper-Harvey-Kennedy on postorder numbers: iterate in reverse postorder to the fixed point; returns the passes it took.</summary>
    private static int FixedPoint(int[] predStart, int[] preds, int[] idom, int count)
    {
        int root = count - 1;
        Array.Fill(idom, -1);
        idom[root] = root;
        bool changed = true;
        int iterations = 0;
        while (changed)
        {
            changed = false;
            iterations++;
            for (int b = root - 1; b >= 0; b--)
            {
                int newIdom = -1;
                for (int e = predStart[b]; e < predStart[b + 1]; e++)
                {
                    int pred = preds[e];
                    if (idom[pred] != -1)
                    {
                        newIdom = newIdom == -1 ? pred : Intersect(pred, newIdom, idom);
                    }
                }
                if (idom[b] != newIdom)
                {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        return iterations;
    }

    private static long Retained(int[] retained, Dictionary<int, long> large, int id) =>
        unchecked((uint)retained[id]) == uint.MaxValue ? large[id] : unchecked((uint)retained[id]);

    private static void Store(int[] retained, Dictionary<int, long> large, int id, long value)
    {
        if (value >= uint.MaxValue)
        {
            retained[id] = -1;
            large[id] = value;
        }
        else
        {
            retained[id] = unchecked((int)(uint)value);
        }
    }

    private static int Intersect(int a, int b, int[] idom)
    {
        while (a != b)
        {
            while (a < b)
            {
                a = idom[a];
            }
            while (b < a)
            {
                b = idom[b];
            }
        }
        return a;
    }
}
