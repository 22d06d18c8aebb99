namespace Toolkit.Introspection.Heap;

/// <summary>
/// Paths from GC roots to objects, on the graph's public queries: the shortest paths to one
/// object (a backward breadth-first search over parents, 4 bytes per object), and the
/// shortest-path tree from all roots at once (a forward breadth-first search, 4 bytes per
/// object), from which any object's path, and paths grouped by type, follow without another search.
/// </summary>
public static class HeapPaths
{
    /// <summary>Not reached from any root (in <see cref="ShortestPathTree"/>).</summary>
    public const int NotReached = -2;

    /// <summary>A root's own object (in <see cref="ShortestPathTree"/>).</summary>
    public const int RootObject = -1;

    /// <summary>Up to <paramref name="max"/> shortest paths from roots to <paramref name="target"/>, one per root object that reaches it, shortest first.</summary>
    public static IReadOnlyList<HeapRetentionPath> ToRoots(HeapObject target, int max = 5) => ToRootsAvoiding(target, max, -1);

    /// <summary>As <see cref="ToRoots(HeapObject, int)"/>, through no path that passes <paramref name="avoid"/> (an object of the
    /// looker's own, such as the array that holds the objects to explain while the heap is captured; -1 for none).</summary>
    public static IReadOnlyList<HeapRetentionPath> ToRootsAvoiding(HeapObject target, int max, int avoid)
    {
        var graph = target.Graph;
        var next = new int[graph.ObjectCount];
        Array.Fill(next, NotReached);
        next[target.Id] = RootObject;
        if (avoid >= 0 && avoid != target.Id)
        {
            next[avoid] = RootObject; // marked as seen, never queued: no path goes through it
        }
        var queue = new Queue<int>();
        queue.Enqueue(target.Id);
        var found = new List<int>();
        while (queue.Count > 0 && found.Count < max)
        {
            int id = queue.Dequeue();
            if (graph.IsRoot(id))
            {
                found.Add(id);
            }
            foreach (int p in graph.Parents(id))
            {
                if (next[p] == NotReached)
                {
                    next[p] = id;
                    queue.Enqueue(p);
                }
            }
        }
        var paths = new List<HeapRetentionPath>(found.Count);
        foreach (int root in found)
        {
            var links = new List<HeapPathLink>();
            int previous = -1;
            for (int id = root; id != RootObject; id = next[id])
            {
                links.Add(new HeapPathLink(graph.Object(id), previous < 0 ? null : FieldName(graph, previous, id)));
                previous = id;
            }
            paths.Add(new HeapRetentionPath(BestRoot(graph, root), links));
        }
        return paths;
    }

    /// <summary>The root of <paramref name="id"/> that says most: a named one (a static field) first, else the first in file order.</summary>
    public static HeapRoot BestRoot(HeapGraph graph, int id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        HeapRoot? first = null;
        foreach (var root in graph.RootsOf(id))
        {
            if (root.Name.Length > 0)
            {
                return root;
            }
            first ??= root;
        }
        return first ?? throw new ArgumentException($"object {id} is not a root", nameof(id));
    }

    /// <summary>For every object, the object before it on one shortest path from the roots (<see cref="RootObject"/> for a root's object,
    /// <see cref="NotReached"/> when no root reaches it). One forward breadth-first search, roots in file order.</summary>
    public static int[] ShortestPathTree(HeapGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var previous = new int[graph.ObjectCount];
        Array.Fill(previous, NotReached);
        var queue = new Queue<int>();
        foreach (int root in graph.RootObjects)
        {
            if (previous[root] == NotReached)
            {
                previous[root] = RootObject;
                queue.Enqueue(root);
            }
        }
        while (queue.Count > 0)
        {
            int id = queue.Dequeue();
            foreach (int c in graph.Children(id))
            {
                if (previous[c] == NotReached)
                {
                    previous[c] = id;
                    queue.Enqueue(c);
                }
            }
        }
        return previous;
    }

    /// <summary>The path of <paramref name="id"/> in a <see cref="ShortestPathTree"/>, root first; empty when not reached.</summary>
    public static IReadOnlyList<HeapPathLink> FromTree(HeapGraph graph, int[] tree, int id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(tree);
        if (tree[id] == NotReached)
        {
            return [];
        }
        var chain = new List<int>();
        for (int at = id; at != RootObject; at = tree[at])
        {
            chain.Add(at);
        }
        chain.Reverse();
        var links = new List<HeapPathLink>(chain.Count);
        for (int i = 0; i < chain.Count; i++)
        {
            links.Add(new HeapPathLink(graph.Object(chain[i]), i == 0 ? null : FieldName(graph, chain[i - 1], chain[i])));
        }
        return links;
    }

    /// <summary>The name of the field of <paramref name="parent"/> that holds <paramref name="child"/> ("[]" for an element), or null when it holds none.</summary>
    public static string? FieldName(HeapGraph graph, int parent, int child)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var children = graph.Children(parent);
        for (int i = 0; i < children.Length; i++)
        {
            if (children[i] == child)
            {
                return graph.ChildField(parent, i)?.Name ?? "[]";
            }
        }
        return null;
    }
}
