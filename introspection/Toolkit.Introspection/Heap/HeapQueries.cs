namespace Toolkit.Introspection.Heap;

/// <summary>
/// The heap queries, one call each, returning a report printable as text or JSON: summarize,
/// objects of a type, one object's view, paths from roots, top dominators, reachable size.
/// </summary>
public static class HeapQueries
{
    /// <summary>Meliae's summarize: per type count and size, biggest first; for the whole heap,
    /// or for what <paramref name="from"/> reaches without entering <paramref name="excluding"/>.</summary>
    public static HeapSummary Summarize(HeapGraph graph, IReadOnlyCollection<ulong>? from = null, IReadOnlyCollection<ulong>? excluding = null)
    {
        ulong[]? bits = null;
        string scope = "whole heap";
        if (from is { Count: > 0 } || excluding is { Count: > 0 })
        {
            bits = HeapTraversal.Reachable(graph, from is { Count: > 0 } ? Resolve(graph, from) : null, excluding is null ? null : Resolve(graph, excluding));
            scope = from is { Count: > 0 } ? $"reachable from {string.Join(", ", from.Select(HeapFormat.Address))}" : "reachable from the roots";
            if (excluding is { Count: > 0 })
            {
                scope += $" excluding {string.Join(", ", excluding.Select(HeapFormat.Address))}";
            }
        }
        var counts = new long[graph.Types.Count];
        var sizes = new long[graph.Types.Count];
        var max = new long[graph.Types.Count];
        long objects = 0;
        long bytes = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            if (bits is not null && !HeapTraversal.IsSet(bits, id))
            {
                continue;
            }
            int t = graph.TypeIndex(id);
            long size = graph.Size(id);
            counts[t]++;
            sizes[t] += size;
            max[t] = Math.Max(max[t], size);
            objects++;
            bytes += size;
        }
        var order = Enumerable.Range(0, counts.Length).Where(t => counts[t] > 0).OrderByDescending(t => sizes[t]).ThenBy(t => graph.Types[t].Name, StringComparer.Ordinal).ToArray();
        var rows = new List<HeapSummaryRow>(order.Length);
        long cumulative = 0;
        for (int i = 0; i < order.Length; i++)
        {
            int t = order[i];
            cumulative += sizes[t];
            rows.Add(new HeapSummaryRow(i, counts[t], HeapFormat.Percent(counts[t], objects), sizes[t], HeapFormat.Percent(sizes[t], bytes),
                HeapFormat.Percent(cumulative, bytes), max[t], graph.TypeName(t)));
        }
        var generations = bits is null ? HeapGenerationRow.Compute(graph) : [];
        return new HeapSummary(scope, objects, bytes, order.Length, rows, graph.Unreachable, generations);
    }

    /// <summary>All objects of a type (exact name, else names containing <paramref name="typeName"/>), biggest first.</summary>
    public static HeapTypeListing ObjectsOfType(HeapGraph graph, string typeName, int limit = 50)
    {
        var matching = MatchingTypes(graph, typeName);
        var ids = new List<int>();
        long bytes = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            if (matching[graph.TypeIndex(id)])
            {
                ids.Add(id);
                bytes += graph.Size(id);
            }
        }
        var dominators = graph.HasDominators ? graph.Dominators() : null;
        var top = ids.OrderByDescending(graph.Size).ThenBy(graph.Address).Take(limit)
            .Select(id => new HeapObjectLine(HeapFormat.Address(graph.Address(id)), graph.TypeNameOf(id), graph.Size(id), dominators?.RetainedSize(id), Preview(graph, id)))
            .ToArray();
        return new HeapTypeListing(typeName, ids.Count, bytes, top);
    }

    /// <summary>One object: type, size, length or count, string value, fields by name (Meliae's refs_as_dict), children, parents, reachable and retained size.</summary>
    public static HeapObjectView Show(HeapGraph graph, ulong address, int maxEdges = 100)
    {
        int id = ResolveOne(graph, address);
        var type = graph.TypeOf(id);
        var children = graph.Children(id);
        var fields = new List<HeapFieldValue>();
        var elements = new List<HeapObjectLine>();
        for (int i = 0; i < children.Length; i++)
        {
            var field = graph.ChildField(id, i);
            if (field is not null)
            {
                int c = children[i];
                fields.Add(new HeapFieldValue(field.Name, HeapFormat.Address(graph.Address(c)), graph.TypeNameOf(c), Preview(graph, c)));
            }
            else if (elements.Count < maxEdges)
            {
                elements.Add(Line(graph, children[i], null));
            }
        }
        var parents = graph.Parents(id).ToArray().Where(p => !graph.IsExcluded(p)).ToArray();
        var parentLines = new List<HeapObjectLine>();
        for (int i = 0; i < parents.Length && i < maxEdges; i++)
        {
            parentLines.Add(Line(graph, parents[i], null));
        }
        var roots = graph.RootsOf(id).Select(r => r.ToString()).ToArray();
        var (reachableObjects, reachableBytes) = HeapTraversal.ReachableSize(graph, [id]);
        var dominators = graph.Dominators();
        int idom = dominators.ImmediateDominator(id);
        string dominator = idom switch
        {
            DominatorTree.Root => "roots",
            DominatorTree.Unreachable => "unreachable",
            _ => HeapFormat.Address(graph.Address(idom)) + " " + graph.TypeNameOf(idom),
        };
        return new HeapObjectView(HeapFormat.Address(address), graph.TypeNameOf(id), graph.Generation(id).ToString(), graph.Size(id), graph.Length(id), graph.Count(id), graph.StringValue(id),
            roots, fields, children.Length, elements, parents.Length, parentLines, reachableObjects, reachableBytes, dominators.RetainedSize(id), dominator);
    }

    /// <summary>Paths from GC roots to the object, shortest first: one per root that reaches it (<see cref="HeapPaths.ToRoots"/>).</summary>
    public static HeapPathsReport Paths(HeapGraph graph, ulong address, int maxPaths = 5)
    {
        int target = ResolveOne(graph, address);
        var paths = HeapPaths.ToRoots(graph.Object(target), maxPaths)
            .Select(p => new HeapPath(p.Root.Kind.ToString(), p.Root.Name, p.Links.Select(l => new HeapPathStep(HeapFormat.Address(l.Object.Address), l.Object.TypeName, l.Field)).ToList()))
            .ToList();
        return new HeapPathsReport(HeapFormat.Address(address), graph.TypeNameOf(target), paths);
    }

    /// <summary>The objects that dominate the most memory (directly under the roots), and retained size per type.</summary>
    public static HeapDominatorReport Dominators(HeapGraph graph, int top = 20) => Dominators(graph, top, graph.Dominators(withTree: true));

    /// <summary>Like <see cref="Dominators(HeapGraph, int)"/>, letting go of the graph's references while computing (see
    /// <see cref="HeapGraph.DominatorsConsumingReferences"/>): for a command that asks nothing else of the graph's references.</summary>
    public static HeapDominatorReport DominatorsConsumingReferences(HeapGraph graph, int top = 20) => Dominators(graph, top, graph.DominatorsConsumingReferences());

    private static HeapDominatorReport Dominators(HeapGraph graph, int top, DominatorTree tree)
    {
        var topIds = new PriorityQueue<int, long>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (tree.ImmediateDominator(id) == DominatorTree.Root)
            {
                topIds.Enqueue(id, tree.RetainedSize(id));
                if (topIds.Count > top)
                {
                    topIds.Dequeue();
                }
            }
        }
        var lines = new List<HeapObjectLine>();
        while (topIds.Count > 0)
        {
            int id = topIds.Dequeue();
            lines.Add(Line(graph, id, tree.RetainedSize(id)));
        }
        lines.Reverse();
        var byType = RetainedByType.Compute(graph, tree).Take(top).ToArray();
        long reachableBytes = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (tree.ImmediateDominator(id) == DominatorTree.Root)
            {
                reachableBytes += tree.RetainedSize(id);
            }
        }
        return new HeapDominatorReport(tree.ReachableObjects, reachableBytes, tree.Iterations, lines, byType);
    }

    /// <summary>Per type: does its name, or its display name with the module (<see cref="HeapTypeNames"/>), equal <paramref name="typeName"/>
    /// (exactly, if any does; else its name containing it, ignoring case)?</summary>
    internal static bool[] MatchingTypes(HeapGraph graph, string typeName)
    {
        var matching = new bool[graph.Types.Count];
        bool exact = false;
        for (int t = 0; t < matching.Length; t++)
        {
            matching[t] = string.Equals(graph.Types[t].Name, typeName, StringComparison.Ordinal) || string.Equals(graph.TypeName(t), typeName, StringComparison.Ordinal);
            exact |= matching[t];
        }
        if (!exact)
        {
            for (int t = 0; t < matching.Length; t++)
            {
                matching[t] = graph.Types[t].Name.Contains(typeName, StringComparison.OrdinalIgnoreCase);
            }
        }
        return matching;
    }

    internal static HeapObjectLine Line(HeapGraph graph, int id, long? retained) =>
        new(HeapFormat.Address(graph.Address(id)), graph.TypeNameOf(id), graph.Size(id), retained, Preview(graph, id));

    internal static string? Preview(HeapGraph graph, int id)
    {
        string? s = graph.StringValue(id);
        if (s is not null)
        {
            return s.Length > 60 ? "\"" + s[..60] + "...\"" : "\"" + s + "\"";
        }
        long? count = graph.Count(id);
        if (count is not null)
        {
            return $"count={count}";
        }
        long? length = graph.Length(id);
        return length is null ? null : $"length={length}";
    }

    internal static string? FieldName(HeapGraph graph, int parent, int child) => HeapPaths.FieldName(graph, parent, child);

    internal static int[] Resolve(HeapGraph graph, IEnumerable<ulong> addresses) => addresses.Select(a => ResolveOne(graph, a)).ToArray();

    internal static int ResolveOne(HeapGraph graph, ulong address)
    {
        int id = graph.FindObject(address);
        return id >= 0 ? id : throw new HeapQueryException($"no object at address {HeapFormat.Address(address)} in the heap file");
    }
}
