namespace Toolkit.Introspection.Heap;

/// <summary>
/// The questions an investigator asks after the summary: what a dominator holds (the tree, to a
/// depth), how the instances of a type are kept alive (paths grouped by the types on them), and
/// which string values are duplicated (by value, with their holders). Each is one pass or one
/// breadth-first search over the graph.
/// </summary>
public static class HeapInvestigations
{
    /// <summary>The dominator tree under <paramref name="address"/> (under the roots when null): the <paramref name="top"/> biggest
    /// children at each level, <paramref name="depth"/> levels deep.</summary>
    public static HeapDominatorTreeReport DominatorSubtree(HeapGraph graph, ulong? address, int depth = 2, int top = 10)
    {
        var tree = graph.Dominators(withTree: true);
        var dominated = tree.Tree();
        int node = address is { } a ? HeapQueries.ResolveOne(graph, a) : graph.ObjectCount;
        long retained = node == graph.ObjectCount ? Enumerable.Range(0, graph.ObjectCount).Where(id => tree.ImmediateDominator(id) == DominatorTree.Root).Sum(tree.RetainedSize) : tree.RetainedSize(node);
        string under = node == graph.ObjectCount ? "the roots" : HeapFormat.Address(graph.Address(node)) + " " + graph.TypeNameOf(node);
        return new HeapDominatorTreeReport(under, retained, Children(graph, tree, dominated, node, Math.Max(1, depth), Math.Max(1, top)));
    }

    private static List<HeapDominatorNode> Children(HeapGraph graph, DominatorTree tree, ReferenceTable dominated, int node, int depth, int top)
    {
        var kids = dominated.Of(node).ToArray().OrderByDescending(tree.RetainedSize).ThenBy(id => id).Take(top).ToArray();
        return kids.Select(k => new HeapDominatorNode(HeapQueries.Line(graph, k, tree.RetainedSize(k)), dominated.Of(k).Length,
            depth > 1 ? Children(graph, tree, dominated, k, depth - 1, top) : [])).ToList();
    }

    /// <summary>The instances of the type named <paramref name="typeName"/> (exact, else containing it) grouped by the root kind and the
    /// types on their shortest path from a root: dotMemory's "similar retention". One breadth-first search from all roots.</summary>
    public static HeapRetentionReport Retention(HeapGraph graph, string typeName, int top = 10)
    {
        var matching = HeapQueries.MatchingTypes(graph, typeName);
        var tree = HeapPaths.ShortestPathTree(graph);
        var groups = new Dictionary<string, (string Kind, List<string> Path, long Objects, long Bytes, int Example)>(StringComparer.Ordinal);
        long objects = 0;
        long bytes = 0;
        long unreached = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            if (!matching[graph.TypeIndex(id)])
            {
                continue;
            }
            objects++;
            bytes += graph.Size(id);
            var links = HeapPaths.FromTree(graph, tree, id);
            if (links.Count == 0)
            {
                unreached++;
                continue;
            }
            var path = links.Take(links.Count - 1).Select(l => l.Object.TypeName).ToList();
            var fields = links.Skip(1).Select(l => l.Field ?? "?");
            string kind = HeapPaths.BestRoot(graph, links[0].Object.Id).ToString();
            var steps = path.Zip(fields, (t, f) => t + "." + f).ToList();
            string key = kind + "|" + string.Join("|", steps);
            var g = groups.GetValueOrDefault(key, (kind, steps, 0, 0, id));
            groups[key] = (g.Kind, g.Path, g.Objects + 1, g.Bytes + graph.Size(id), g.Example);
        }
        var list = groups.Values.OrderByDescending(g => g.Objects).ThenByDescending(g => g.Bytes).Take(top)
            .Select(g => new HeapRetentionGroup(g.Kind, g.Path, g.Objects, g.Bytes, HeapFormat.Address(graph.Address(g.Example)))).ToList();
        return new HeapRetentionReport(typeName, objects, bytes, unreached, list);
    }

    /// <summary>Duplicated string values, most wasted bytes first, each with the (up to three) fields that hold the most copies.</summary>
    public static HeapStringsReport DuplicateStrings(HeapGraph graph, int top = 20)
    {
        var copies = new Dictionary<int, (long Count, long Size, int Example)>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            int content = graph.StringContentId(id);
            if (content >= 0)
            {
                var c = copies.GetValueOrDefault(content, (0, graph.Size(id), id));
                copies[content] = (c.Count + 1, c.Size, c.Example);
            }
        }
        var duplicated = copies.Where(kv => kv.Value.Count > 1).ToList();
        long wasted = duplicated.Sum(kv => (kv.Value.Count - 1) * kv.Value.Size);
        var chosen = duplicated.OrderByDescending(kv => (kv.Value.Count - 1) * kv.Value.Size).ThenBy(kv => kv.Key).Take(top).ToList();
        var holders = chosen.ToDictionary(kv => kv.Key, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            int content = graph.StringContentId(id);
            if (content >= 0 && holders.TryGetValue(content, out var held))
            {
                foreach (int p in graph.Parents(id))
                {
                    string holder = graph.TypeNameOf(p) + "." + (HeapPaths.FieldName(graph, p, id) ?? "?");
                    held[holder] = held.GetValueOrDefault(holder) + 1;
                }
            }
        }
        var rows = chosen.Select(kv => new HeapStringRow(graph.StringValue(kv.Value.Example) ?? "", kv.Value.Count, kv.Value.Size, (kv.Value.Count - 1) * kv.Value.Size,
            holders[kv.Key].OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Take(3).Select(h => $"{h.Key} x{h.Value}").ToList())).ToList();
        return new HeapStringsReport(duplicated.Count, wasted, rows);
    }
}
