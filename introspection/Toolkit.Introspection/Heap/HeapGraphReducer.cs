namespace Toolkit.Introspection.Heap;

/// <summary>
/// Makes a smaller, clearer graph: folds the backing arrays of collections into their owners
/// (the owner's size then includes them, its children are theirs), cuts edges to and from
/// runtime infrastructure, and leaves out unreachable objects. Column by column: the objects
/// (addresses, types, sizes, lengths...) into a <see cref="HeapGraphBuilder"/>, then the
/// references written in one pass. Costs one new graph (plus 4 bytes per object while it runs);
/// the original is unchanged, unless it is consumed (<see cref="ReduceConsuming"/>), when each of
/// its columns is let go as soon as it is copied and the new references are written into its own
/// reference arrays (<see cref="InPlaceReferences"/>), so the two graphs are never held whole at once.
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

    public static HeapGraph Reduce(HeapGraph graph, HeapReduceOptions? options = null) => ReduceCore(graph, options, consume: false);

    /// <summary>Like <see cref="Reduce"/>, but lets go of <paramref name="graph"/>'s columns as soon as they are copied: the peak holds
    /// the new graph's objects and the old graph's references, never both graphs whole. <paramref name="graph"/> is unusable after.</summary>
    public static HeapGraph ReduceConsuming(HeapGraph graph, HeapReduceOptions? options = null) => ReduceCore(graph, options, consume: true);

    private static HeapGraph ReduceCore(HeapGraph graph, HeapReduceOptions? options, bool consume)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new HeapReduceOptions();
        // The id map lives only in MoveReferences: a local nulled here would not do, as unoptimized code also keeps the temporaries
        // that carried it into calls alive to the method's end. It is collected before the new object columns are built beside the
        // old ones (the reduce's peak).
        var (kept, unreachable, folded, references, roots, keptBits) = MoveReferences(graph, options, consume && !graph.IsView);
        FreedMemory.Collect(graph.ObjectCount);
        var builder = AddObjects(graph, kept, unreachable, keptBits, folded, consume ? graph.ReusableColumns : null);
        foreach (var (target, kind, name) in roots)
        {
            builder.AddRoot(target, kind, name);
        }
        foreach (var segment in graph.Segments)
        {
            builder.AddSegment(segment);
        }
        builder.AdoptReferences(references.Starts, references.Targets, references.Fields, references.Count);
        if (consume)
        {
            // The old columns and references (those not reused) go back before Build builds the new rank tables.
            graph.ReleaseObjectColumns();
            graph.ReleaseReferences();
            FreedMemory.Collect(graph.ObjectCount);
        }
        return builder.Build();
    }

    // Plans the folds, numbers the kept objects, and writes the new references (over the old ones when in place: nothing is allocated
    // for them) and roots; returns what the objects' step needs without the id map: the kept objects as bits, the folded arrays' sizes.
    private static (int Kept, HeapUnreachable Unreachable, Dictionary<int, long> Folded, (int[] Starts, int[] Targets, byte[] Fields, int Count) References,
        List<(int Target, HeapRootKind Kind, string Name)> Roots, ulong[] KeptBits) MoveReferences(HeapGraph graph, HeapReduceOptions options, bool inPlace)
    {
        var infraTypes = graph.Types.Select(t => options.CutInfrastructureEdges && IsInfrastructure(t.Name)).ToArray();
        // newId[id]: the object's number in the new graph; Dropped when left out; for a folded array, ~owner (the old owner's number).
        var newId = PlanFolding(graph, options);
        // One bit per old object for "is infrastructure", so the references can be cut after the types are let go (or overwritten).
        var infra = InfrastructureBits(graph, infraTypes);
        var (kept, unreachable) = Number(graph, options, newId);
        var folded = FoldedSizes(graph, newId);
        var references = AddReferences(graph, kept, newId, infra, inPlace);
        var roots = new List<(int Target, HeapRootKind Kind, string Name)>();
        for (int r = 0; r < graph.RootCount; r++)
        {
            int target = Map(newId, graph.RootObject(r));
            if (target >= 0)
            {
                roots.Add((target, graph.RootKind(r), graph.RootName(r)));
            }
        }
        return (kept, unreachable, folded, references, roots, KeptBits(newId));
    }

    // Numbers the kept objects in newId (in id order), marks the left-out ones Dropped, and counts those.
    private static (int Kept, HeapUnreachable Unreachable) Number(HeapGraph graph, HeapReduceOptions options, int[] newId)
    {
        long unreachableObjects = 0;
        long unreachableBytes = 0;
        int kept = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
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
        return (kept, new HeapUnreachable(unreachableObjects, unreachableBytes));
    }

    // The bytes of the arrays folded into each owner (by the owner's old number), summed before any column is overwritten, as an
    // array may come before its owner.
    private static Dictionary<int, long> FoldedSizes(HeapGraph graph, int[] newId)
    {
        var folded = new Dictionary<int, long>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (newId[id] < Dropped)
            {
                int owner = -(newId[id] + 2);
                folded[owner] = folded.GetValueOrDefault(owner) + graph.Size(id);
            }
        }
        return folded;
    }

    private static ulong[] KeptBits(int[] newId)
    {
        var bits = new ulong[(newId.Length + 63) / 64];
        for (int id = 0; id < newId.Length; id++)
        {
            if (newId[id] >= 0)
            {
                bits[id >> 6] |= 1UL << id;
            }
        }
        return bits;
    }

    // Adds the kept objects (sizes with their folded arrays) to a builder with no reference capacity, whose row starts come with the
    // references. With reuse (a consumed graph), the new addresses and types overwrite the old ones in place: object k of the new
    // graph is written when old object id >= k is read, so no old value is overwritten before it is read.
    private static HeapGraphBuilder AddObjects(HeapGraph graph, int kept, HeapUnreachable unreachable, ulong[] keptBits, Dictionary<int, long> folded,
        (uint[], ushort[]?, int[]?)? reuse)
    {
        var builder = new HeapGraphBuilder(graph.Header, [.. graph.Types], kept, 0, rawReferences: false, reuse, startsAdopted: true)
        {
            StringBlob = graph.StringBlob,
            UnresolvedReferences = graph.UnresolvedReferences,
            Unreachable = graph.Unreachable.Objects > 0 ? graph.Unreachable : unreachable,
        };
        // The kept objects by their set bits, and the folded sizes by a cursor over their owners in id order: no dictionary lookup
        // per object (at 100M objects, with 100K folded owners, the lookups were about a second).
        var owners = folded.Keys.Order().ToArray();
        int nextOwner = 0;
        for (int word = 0; word < keptBits.Length; word++)
        {
            for (ulong bits = keptBits[word]; bits != 0; bits &= bits - 1)
            {
                int id = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                long size = graph.Size(id, out int? length);
                while (nextOwner < owners.Length && owners[nextOwner] < id)
                {
                    nextOwner++;
                }
                if (nextOwner < owners.Length && owners[nextOwner] == id)
                {
                    size += folded[id];
                }
                builder.AddObject(graph.Address(id), graph.TypeIndex(id), size, length, (int?)graph.Count(id), graph.StringContentId(id));
            }
        }
        return builder;
    }

    private static ulong[]? InfrastructureBits(HeapGraph graph, bool[] infraTypes)
    {
        if (!infraTypes.Contains(true))
        {
            return null;
        }
        var bits = new ulong[(graph.ObjectCount + 63) / 64];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (infraTypes[graph.TypeIndex(id)])
            {
                bits[id >> 6] |= 1UL << id;
            }
        }
        return bits;
    }

    // The references in one pass, reading the old graph's raw rows in id order. When it is consumed (and not a view), the new rows
    // and row starts are written over its own arrays (see InPlaceReferences: no second reference table, no second row starts): a row
    // start is written at the new number + 1, never above the old row being read, whose end is read first; a folded array that comes
    // before its owner is copied aside when passed, as its row may be overwritten before the owner reads it. Otherwise the rows go
    // into new arrays of the old count (the reduced graph never has more) and new row starts.
    private static (int[] Starts, int[] Targets, byte[] Fields, int Count) AddReferences(HeapGraph graph, int kept, int[] newId, ulong[]? infra, bool inPlace)
    {
        var old = graph.ReferenceArrays;
        int n = graph.ObjectCount;
        var starts = inPlace ? old.Start : new int[kept + 1];
        var output = inPlace ? new InPlaceReferences(old.Targets, old.Fields ?? new byte[old.Targets.Length])
            : new InPlaceReferences(new int[graph.ReferenceCount], new byte[graph.ReferenceCount]);
        var behind = new Dictionary<int, int[]>();
        int rowStart = old.Start[0];
        for (int id = 0; id < n; id++)
        {
            int rowEnd = old.Start[id + 1];
            int v = newId[id];
            if (v >= 0)
            {
                WriteReferences(old, id, rowStart, rowEnd, newId, infra, output, behind);
                starts[v + 1] = output.Count;
            }
            else if (inPlace && v < Dropped && -(v + 2) > id)
            {
                behind[id] = old.Targets[rowStart..rowEnd];
            }
            if (inPlace)
            {
                output.WriteBelow(rowEnd);
            }
            rowStart = rowEnd;
        }
        starts[0] = 0;
        var (targets, fields) = output.Finish();
        return (starts, targets, fields, output.Count);
    }

    // Adds the new graph's references of old object id, its row at [from, to) (none from infrastructure), a folded child's own
    // references in its place.
    private static void WriteReferences((int[] Start, int[] Targets, byte[]? Fields) old, int id, int from, int to, int[] newId, ulong[]? infra,
        InPlaceReferences output, Dictionary<int, int[]> behind)
    {
        if (infra is not null && HeapTraversal.IsSet(infra, id))
        {
            return;
        }
        for (int e = from; e < to; e++)
        {
            int c = old.Targets[e];
            byte field = old.Fields is null ? (byte)HeapFileFormat.NoField : old.Fields[e];
            if (IsFoldedInto(newId, c, id))
            {
                ReadOnlySpan<int> grandchildren = behind.Remove(c, out var saved) ? saved : old.Targets.AsSpan(old.Start[c], old.Start[c + 1] - old.Start[c]);
                foreach (int grandchild in grandchildren)
                {
                    WriteReference(grandchild, field, newId, infra, output);
                }
            }
            else
            {
                WriteReference(c, field, newId, infra, output);
            }
        }
    }

    private static void WriteReference(int target, byte field, int[] newId, ulong[]? infra, InPlaceReferences output)
    {
        int mapped = Map(newId, target);
        if (mapped >= 0 && (infra is null || !HeapTraversal.IsSet(infra, target)))
        {
            output.Add(mapped, field);
        }
    }

    /// <summary>An array folds into its owner when a collection owner is its only referrer and no root holds it. Referrers are
    /// counted in the returned map's own slots (saturating at 2) rather than by building the parents table (4 bytes per object and per
    /// reference) or a count array (1 byte per object).</summary>
    private static int[] PlanFolding(HeapGraph graph, HeapReduceOptions options)
    {
        var newId = new int[graph.ObjectCount];
        if (!options.FoldCollectionInternals)
        {
            return newId;
        }
        // The referrers are counted in the map itself (0, 1, 2 for two or more), then the counts are reset to Kept: no array beside it.
        var referrers = newId;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            foreach (int c in graph.Children(id))
            {
                referrers[c] = Math.Min(referrers[c] + 1, 2);
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
                // Arrays are never owners, so folding never chains: an array folds into a kept object. Its one referrer is the only
                // one to read its count, so marking it (negative) here hides no count another object still needs.
                if (c != id && graph.TypeOf(c).IsArray && referrers[c] == 1 && !graph.IsRoot(c))
                {
                    newId[c] = ~id - 1;
                }
            }
        }
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (newId[id] > 0)
            {
                newId[id] = Kept;
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

    private static bool IsFoldedInto(int[] newId, int child, int owner) => newId[child] == ~owner - 1;
}
