namespace Toolkit.Introspection.Heap;

/// <summary>
/// Makes a smaller, clearer graph: folds the backing arrays of collections into their owners
/// (the owner's size then includes them, its children are theirs), cuts edges to and from
/// runtime infrastructure, and leaves out unreachable objects. One pass over the original
/// into a <see cref="HeapGraphBuilder"/>: costs one new graph (plus 4 bytes per object while
/// it runs); the original is unchanged.
/// </summary>
public static class HeapGraphReducer
{
    // Marks of PlanFolding, before numbering: kept objects, dropped ones; a folded array holds ~owner (negative, below Dropped).
    private const int Kept = 0;
    private const int Dropped = -1;

    // Infrastructure that references, or is referenced by, nearly everything: type objects and reflection caches.
    private static readonly string[] InfrastructurePrefixes =
    [
        "System.RuntimeType", "System.Reflection.", "System.RuntimeMethodInfoStub", "System.RuntimeFieldInfoStub",
        "System.Signature", "System.RuntimeTypeHandle", "System.Runtime.Loader.", "System.Runtime.CompilerServices.ConditionalWeakTable",
    ];

    public static bool IsCollectionOwner(HeapType type) => CollectionNames.IsCollection(type.Name, type.IsArray);

    public static bool IsInfrastructure(string typeName) => Array.Exists(InfrastructurePrefixes, p => typeName.StartsWith(p, StringComparison.Ordinal));

    public static HeapGraph Reduce(HeapGraph graph, HeapReduceOptions? options = null)
    {
        options ??= new HeapReduceOptions();
        int n = graph.ObjectCount;
        var infra = graph.Types.Select(t => options.CutInfrastructureEdges && IsInfrastructure(t.Name)).ToArray();
        // newId[id]: the object's number in the new graph; Dropped when left out; for a folded array, ~owner (the old owner's number).
        var newId = PlanFolding(graph, options);
        long unreachableObjects = 0;
        long unreachableBytes = 0;
        int kept = 0;
        for (int id = 0; id < n; id++)
        {
            if ((options.DropUnreachable && !graph.IsReachable(id)) || graph.IsExcluded(id))
            {
                unreachableObjects++;
                unreachableBytes += graph.Size(id);
                newId[id] = Dropped;
            }
            else if (newId[id] == Kept)
            {
                newId[id] = kept++;
            }
        }
        var builder = new HeapGraphBuilder(graph.Header, [.. graph.Types], kept, graph.ReferenceCount, rawReferences: false)
        {
            StringBlob = graph.StringBlob,
            UnresolvedReferences = graph.UnresolvedReferences,
            Unreachable = graph.Unreachable.Objects > 0 ? graph.Unreachable : new HeapUnreachable(unreachableObjects, unreachableBytes),
        };
        for (int id = 0; id < n; id++)
        {
            if (newId[id] >= 0)
            {
                AddObject(graph, builder, id, newId, infra);
            }
        }
        for (int r = 0; r < graph.RootCount; r++)
        {
            int target = Map(newId, graph.RootObject(r));
            if (target >= 0)
            {
                builder.AddRoot(target, graph.RootKind(r), graph.RootName(r));
            }
        }
        foreach (var segment in graph.Segments)
        {
            builder.AddSegment(segment);
        }
        return builder.Build();
    }

    /// <summary>An array folds into its owner when a collection owner is its only referrer and no root holds it. Referrers are
    /// counted in one byte per object (saturating at 2) rather than by building the parents table (4 bytes per object and per reference).</summary>
    private static int[] PlanFolding(HeapGraph graph, HeapReduceOptions options)
    {
        var newId = new int[graph.ObjectCount];
        if (!options.FoldCollectionInternals)
        {
            return newId;
        }
        var referrers = new byte[graph.ObjectCount];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            foreach (int c in graph.Children(id))
            {
                referrers[c] = referrers[c] < 2 ? (byte)(referrers[c] + 1) : (byte)2;
            }
        }
        var owner = graph.Types.Select(IsCollectionOwner).ToArray();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (!owner[graph.TypeIndex(id)])
            {
                continue;
            }
            foreach (int c in graph.Children(id))
            {
                // Arrays are never owners, so folding never chains: an array folds into a kept object.
                if (c != id && graph.TypeOf(c).IsArray && referrers[c] == 1 && !graph.IsRoot(c))
                {
                    newId[c] = ~id - 1;
                }
            }
        }
        return newId;
    }

    // The new number of old object id: its own, its owner's when folded, or -1 when dropped.
    private static int Map(int[] newId, int id)
    {
        int v = newId[id];
        return v >= Dropped ? v : newId[-(v + 2)];
    }

    private static void AddObject(HeapGraph graph, HeapGraphBuilder builder, int id, int[] newId, bool[] infra)
    {
        int t = graph.TypeIndex(id);
        long size = graph.Size(id);
        var own = graph.Children(id);
        foreach (int c in own)
        {
            if (IsFoldedInto(newId, c, id))
            {
                size += graph.Size(c);
            }
        }
        builder.AddObject(graph.Address(id), t, size, (int?)graph.Length(id), (int?)graph.Count(id), graph.StringContentId(id));
        for (int i = 0; i < own.Length; i++)
        {
            int c = own[i];
            byte field = graph.ChildFieldOrdinal(id, i);
            if (IsFoldedInto(newId, c, id))
            {
                foreach (int grandchild in graph.Children(c))
                {
                    AddEdge(graph, builder, t, grandchild, field, newId, infra);
                }
            }
            else
            {
                AddEdge(graph, builder, t, c, field, newId, infra);
            }
        }
    }

    private static bool IsFoldedInto(int[] newId, int child, int owner) => newId[child] == ~owner - 1;

    private static void AddEdge(HeapGraph graph, HeapGraphBuilder builder, int fromType, int target, byte field, int[] newId, bool[] infra)
    {
        int mapped = Map(newId, target);
        if (mapped < 0 || infra[fromType] || infra[graph.TypeIndex(target)])
        {
            return;
        }
        builder.AddChild(mapped, field);
    }
}
