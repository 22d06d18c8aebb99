namespace Toolkit.Introspection.Heap;

/// <summary>
/// The dominator tree of a heap graph and exact retained sizes, by the iterative algorithm of
/// Cooper, Harvey and Kennedy over a virtual root that references every GC root, run on
/// postorder numbers in its "push" form: each node, in reverse postorder, intersects its own
/// dominator into each of its children's, so the graph's own child rows are all it reads and no
/// predecessor table (4 bytes per object and per reference) is built. Keeps 8 bytes per object
/// (immediate dominator 4, retained size 4 with rare overflows in a side table), plus 8 per
/// object for <see cref="Tree"/> once asked, built in two of the computation's arrays (so asking
/// for it costs no new memory when it is asked right away). Computing costs 12 bytes per object
/// besides the result (order, id-to-number map, dominators by number), the id-to-number map
/// becoming the result's immediate dominators; 8 during the fixed point when the graph's
/// references may be consumed (renumbered in place, see <see cref="HeapGraph.DominatorsConsumingReferences"/>). No recursion.
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

    // Indexed by object number; one slot more than the objects (the id-to-number map it was), the last unused.
    private readonly int[] _idom;
    private readonly int _objectCount;
    // Retained sizes as unsigned 32-bit values in an int array; the rare sum of 4 GiB or more is in the side table.
    private readonly int[] _retained;
    private readonly Dictionary<int, long> _largeRetained;
    private ReferenceTable? _tree;

    private DominatorTree(int objectCount, int[] idom, int[] retained, Dictionary<int, long> largeRetained, int iterations, long reachable, long workingBytes)
    {
        WorkingBytes = workingBytes;
        _objectCount = objectCount;
        _idom = idom;
        _retained = retained;
        _largeRetained = largeRetained;
        Iterations = iterations;
        ReachableObjects = reachable;
    }

    /// <summary>Passes the iterative algorithm needed to converge.</summary>
    public int Iterations { get; }

    public long ReachableObjects { get; }

    /// <summary>Bytes the computation held in its own arrays at its peak (freed when it returned, or kept as the tree), besides the graph and this tree's
    /// immediate dominators and retained sizes.</summary>
    public long WorkingBytes { get; }

    public long MemoryBytes => _idom.LongLength * 4 + _retained.LongLength * 4 + _largeRetained.Count * 24L + (_tree?.MemoryBytes ?? 0);

    public bool HasTree => _tree is not null;

    public int ImmediateDominator(int id) => _idom[id];

    /// <summary>The tree itself: row <c>id</c> lists the objects <c>id</c> dominates directly, and the last row
    /// (number <c>ObjectCount</c>) those only the roots as a whole dominate. Built on first call (8 bytes per object) unless
    /// <see cref="Compute(HeapGraph, bool)"/> was asked for it, when it lives in the computation's own arrays.</summary>
    public ReferenceTable Tree()
    {
        if (_tree is null)
        {
            // The computation's working arrays go back before the tree's 8 bytes per object come.
            FreedMemory.Collect(_objectCount);
            _tree = BuildTree(_idom, _objectCount, new int[_objectCount + 2], new int[(int)ReachableObjects]);
        }
        return _tree;
    }

    // Rows counted into start[row], summed so start[row] is the row's end, then filled backwards (ids descending, so each row
    // ascends): start[row] ends as the row's beginning, and no fill cursor per row is needed. start has n + 2 slots, kids at
    // least one per reachable object; both may be arrays the computation no longer needs.
    private static ReferenceTable BuildTree(int[] idom, int n, int[] start, int[] kids)
    {
        Array.Clear(start);
        for (int id = 0; id < n; id++)
        {
            int d = idom[id];
            if (d != Unreachable)
            {
                start[d == Root ? n : d]++;
            }
        }
        for (int i = 0; i <= n; i++)
        {
            start[i + 1] += start[i];
        }
        for (int id = n - 1; id >= 0; id--)
        {
            int d = idom[id];
            if (d != Unreachable)
            {
                kids[--start[d == Root ? n : d]] = id;
            }
        }
        return new ReferenceTable(start, kids, null, start[n + 1]);
    }

    /// <summary>Bytes that would be freed if <paramref name="id"/> were gone: its size plus all it dominates. 0 when unreachable.</summary>
    public long RetainedSize(int id)
    {
        uint r = unchecked((uint)_retained[id]);
        return r == uint.MaxValue ? _largeRetained[id] : r;
    }

    /// <summary>Computes the dominators of <paramref name="graph"/>; with <paramref name="withTree"/>, also <see cref="Tree"/>, in the
    /// arrays the computation is done with (no new memory).</summary>
    public static DominatorTree Compute(HeapGraph graph, bool withTree = false) => Compute(graph, withTree, releaseReferences: false);

    // With releaseReferences the graph's references are consumed: their field bytes go first, their targets become postorder
    // numbers in place (so the id-to-number map is let go during the fixed point and rebuilt from the order after it), and they
    // go (and are collected) once the fixed point is reached: nothing after reads them.
    internal static DominatorTree Compute(HeapGraph graph, bool withTree, bool releaseReferences)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.ObjectCount;
        if (releaseReferences)
        {
            graph.ReleaseChildFields();
            FreedMemory.Collect(n);
        }
        // Everything works on postorder numbers (the virtual root last, count - 1), so a dominator always has a higher number
        // than what it dominates. 4 bytes per object each: order (number to id; n + 2 slots so it can become the tree's row
        // starts), the id-to-number map (which becomes the immediate dominators by id), the dominators by number.
        var order = new int[n + 2];
        var postIndex = new int[n + 1];
        int count = Postorder(graph, postIndex, order);
        int[] idomPost;
        int iterations;
        if (releaseReferences)
        {
            graph.MapChildTargets(postIndex);
            var roots = MapRoots(graph.RootObjects, postIndex);
            postIndex = null!;
            FreedMemory.Collect(n);
            idomPost = new int[Math.Max(count, n)]; // n slots at least, so it can become the tree's children
            iterations = FixedPoint(graph, null, roots, order, idomPost, count);
            graph.ReleaseReferences();
            FreedMemory.Collect(n);
            postIndex = Inverse(order, count - 1, n + 1);
        }
        else
        {
            idomPost = new int[Math.Max(count, n)];
            iterations = FixedPoint(graph, postIndex, graph.RootObjects, order, idomPost, count);
        }
        int root = count - 1;
        // The id-to-number map becomes the immediate dominators by id, in place: each slot is read once, then written.
        var idom = postIndex;
        for (int id = 0; id < n; id++)
        {
            int p = idom[id];
            idom[id] = p < 0 ? Unreachable : idomPost[p] == root ? Root : order[idomPost[p]];
        }
        postIndex = null!;
        long working = (order.LongLength + idomPost.LongLength) * 4;
        var large = new Dictionary<int, long>();
        var retained = new int[n];
        for (int p = 0; p < root; p++)
        {
            int id = order[p];
            int d = idomPost[p];
            long mine = Retained(retained, large, id) + graph.Size(id);
            Store(retained, large, id, mine);
            if (d != root)
            {
                Store(retained, large, order[d], Retained(retained, large, order[d]) + mine);
            }
        }
        var tree = new DominatorTree(n, idom, retained, large, iterations, count - 1, working);
        if (withTree)
        {
            tree._tree = BuildTree(idom, n, order, idomPost);
        }
        return tree;
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

    /// <summary>2. Cooper-Harvey-Kennedy on postorder numbers, pushed along the child rows: in reverse postorder, each node b meets
    /// itself into the dominator of each child s (s's dominator becomes b when it has none yet, else the nearest common ancestor of
    /// b and it in the current tree), to the fixed point; returns the passes it took. A dominator only ever moves up the tree and
    /// never past the true one (every candidate is a predecessor or a common ancestor of predecessors in a tree no coarser than the
    /// final one), so the fixed point is the one the predecessor ("pull") form reaches, without its predecessor table.
    /// <paramref name="postIndex"/> is null when the graph's references and <paramref name="roots"/> already hold postorder numbers.</summary>
    private static int FixedPoint(HeapGraph graph, int[]? postIndex, ReadOnlySpan<int> roots, int[] order, int[] idom, int count)
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
            for (int b = root; b >= 0; b--)
            {
                var children = b == root ? roots : graph.Children(order[b]);
                foreach (int c in children)
                {
                    int s = postIndex is null ? c : postIndex[c];
                    if (s == b)
                    {
                        continue;
                    }
                    int current = idom[s];
                    int meet = current == -1 ? b : Intersect(b, current, idom);
                    if (meet != current)
                    {
                        idom[s] = meet;
                        changed = true;
                    }
                }
            }
        }
        return iterations;
    }

    // The roots' postorder numbers (every root is reached), for a fixed point over references renumbered in place.
    private static int[] MapRoots(ReadOnlySpan<int> roots, int[] postIndex)
    {
        var mapped = new int[roots.Length];
        for (int r = 0; r < roots.Length; r++)
        {
            mapped[r] = postIndex[roots[r]];
        }
        return mapped;
    }

    // The id-to-number map from the order (number to id) of the reached objects, the virtual root left out; NotVisited elsewhere.
    private static int[] Inverse(int[] order, int reached, int slots)
    {
        var postIndex = new int[slots];
        Array.Fill(postIndex, NotVisited);
        for (int p = 0; p < reached; p++)
        {
            postIndex[order[p]] = p;
        }
        return postIndex;
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
