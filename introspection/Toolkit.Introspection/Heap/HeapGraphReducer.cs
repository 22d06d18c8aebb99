namespace Toolkit.Introspection.Heap;

/// <summary>
/// Makes a smaller, clearer graph: folds the backing arrays of collections into their owners
/// (the owner's size then includes them, its children are theirs) and cuts edges to and from
/// runtime infrastructure. Returns a new graph; the original is unchanged. Costs one new graph.
/// </summary>
public static class HeapGraphReducer
{
    // Collections whose private arrays are folded in, by type name prefix.
    private static readonly string[] CollectionOwners =
    [
        "System.Collections.Generic.List<", "System.Collections.Generic.Dictionary<", "System.Collections.Generic.HashSet<",
        "System.Collections.Generic.Queue<", "System.Collections.Generic.Stack<", "System.Collections.Generic.SortedList<",
        "System.Collections.Generic.PriorityQueue<", "System.Collections.ArrayList", "System.Collections.Hashtable",
        "System.Collections.Concurrent.ConcurrentDictionary<", "System.Collections.Concurrent.ConcurrentQueue<",
        "System.Text.StringBuilder", "System.Collections.ObjectModel.Collection<", "System.Collections.Generic.SortedSet<",
    ];

    // Infrastructure that references, or is referenced by, nearly everything: type objects and reflection caches.
    private static readonly string[] InfrastructurePrefixes =
    [
        "System.RuntimeType", "System.Reflection.", "System.RuntimeMethodInfoStub", "System.RuntimeFieldInfoStub",
        "System.Signature", "System.RuntimeTypeHandle", "System.Runtime.Loader.", "System.Runtime.CompilerServices.ConditionalWeakTable",
    ];

    public static bool IsCollectionOwner(string typeName) => Array.Exists(CollectionOwners, p => typeName.StartsWith(p, StringComparison.Ordinal));

    public static bool IsInfrastructure(string typeName) => Array.Exists(InfrastructurePrefixes, p => typeName.StartsWith(p, StringComparison.Ordinal));

    public static HeapGraph Reduce(HeapGraph graph, HeapReduceOptions? options = null)
    {
        options ??= new HeapReduceOptions();
        int n = graph.ObjectCount;
        var types = graph.Types;
        var owner = types.Select(t => options.FoldCollectionInternals && IsCollectionOwner(t.Name)).ToArray();
        var infra = types.Select(t => options.CutInfrastructureEdges && IsInfrastructure(t.Name)).ToArray();

        // 1. Which arrays fold into which owner: an array held only by a collection owner, and not a root.
        var foldInto = new int[n];
        Array.Fill(foldInto, -1);
        if (options.FoldCollectionInternals)
        {
            for (int id = 0; id < n; id++)
            {
                // An array is never an owner, even when its type name starts like one
                // (Dictionary<K,V[]>+Entry[]): folding into a folded array left edges to nothing.
                if (!owner[graph.TypeIndex(id)] || graph.TypeOf(id).IsArray)
                {
                    continue;
                }
                foreach (int c in graph.Children(id))
                {
                    if (graph.TypeOf(c).IsArray && graph.Parents(c).Length == 1 && !graph.IsRoot(c))
                    {
                        foldInto[c] = id;
                    }
                }
            }
        }
        var newId = new int[n];
        int kept = 0;
        for (int id = 0; id < n; id++)
        {
            newId[id] = foldInto[id] >= 0 ? -1 : kept++;
        }

        // 2. New children, sizes and side maps, in id order.
        var childStart = new int[kept + 1];
        var children = new List<int>(checked((int)graph.ReferenceCount));
        var fields = new List<byte>(children.Capacity);
        var typeIndexes = new int[kept];
        var addresses = new ulong[kept];
        var lengths = new RankedIntMap.Builder(kept);
        var counts = new RankedIntMap.Builder(kept);
        var strings = new RankedIntMap.Builder(kept);
        var oddSizes = new RankedIntMap.Builder(kept);
        var hugeSizes = new Dictionary<int, long>();
        for (int id = 0; id < n; id++)
        {
            int me = newId[id];
            if (me < 0)
            {
                continue;
            }
            int t = graph.TypeIndex(id);
            typeIndexes[me] = t;
            addresses[me] = graph.Address(id);
            long size = graph.Size(id);
            var own = graph.Children(id);
            for (int i = 0; i < own.Length; i++)
            {
                int c = own[i];
                byte field = graph.ChildFieldArray[graph.ChildStartArray[id] + i];
                if (foldInto[c] == id)
                {
                    size += graph.Size(c);
                    foreach (int gc in graph.Children(c))
                    {
                        AddEdge(gc, field);
                    }
                }
                else
                {
                    AddEdge(c, field);
                }
            }
            childStart[me + 1] = children.Count;
            long? length = graph.Length(id);
            if (length is not null)
            {
                lengths.Add(me, (int)length.Value);
            }
            long? count = graph.Count(id);
            if (count is not null)
            {
                counts.Add(me, (int)count.Value);
            }
            int content = graph.StringContentId(id);
            if (content >= 0)
            {
                strings.Add(me, content);
            }
            var type = types[t];
            long expected = type.BaseSize + (type.IsArrayOrString ? (length ?? 0) * type.ComponentSize : 0);
            if (size != expected)
            {
                oddSizes.Add(me, size <= int.MaxValue ? (int)size : -1);
                if (size > int.MaxValue)
                {
                    hugeSizes[me] = size;
                }
            }

            void AddEdge(int target, byte field)
            {
                if (infra[t] || infra[graph.TypeIndex(target)])
                {
                    return;
                }
                int mapped = newId[target] >= 0 ? newId[target] : newId[foldInto[target]];
                children.Add(mapped);
                fields.Add(field);
            }
        }
        var rootIds = new List<int>();
        var rootKinds = new List<byte>();
        for (int r = 0; r < graph.RootCount; r++)
        {
            int id = graph.RootObject(r);
            rootIds.Add(newId[id] >= 0 ? newId[id] : newId[foldInto[id]]);
            rootKinds.Add((byte)graph.RootKind(r));
        }
        return new HeapGraph(graph.Header, [.. types], new AddressTable(addresses), typeIndexes, childStart, [.. children], [.. fields],
            [.. rootIds], [.. rootKinds], lengths.Build(), counts.Build(), strings.Build(), graph.StringBlob, oddSizes.Build(), hugeSizes,
            graph.UnresolvedReferences);
    }
}
