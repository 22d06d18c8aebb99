namespace Toolkit.Introspection.Heap;

/// <summary>
/// Inspections that name the optimization that would fix what they find: duplicate strings by
/// holding field (interning), empty and mostly empty collections (lazy init, right-sizing),
/// large unused capacity (TrimExcess), padding times instance count (field order, narrower
/// fields), and many small arrays of one size (struct-of-arrays). One pass per inspection.
/// </summary>
public static class HeapInspector
{
    public static HeapInspectionReport Inspect(HeapGraph graph, HeapInspectOptions? options = null)
    {
        options ??= new HeapInspectOptions();
        var findings = new List<HeapFinding>();
        var notes = new List<string>();
        long heapBytes = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            heapBytes += graph.Size(id);
        }
        if (graph.Header.StringContents)
        {
            DuplicateStrings(graph, findings);
        }
        else
        {
            notes.Add("string contents were not recorded: duplicate strings not inspected");
        }
        Collections(graph, options, findings);
        Padding(graph, findings);
        SmallArrays(graph, options, findings);
        var kept = findings.Where(f => f.WastedBytes >= options.MinWastedBytes)
            .OrderByDescending(f => f.WastedBytes).ThenBy(f => f.Subject, StringComparer.Ordinal).Take(options.MaxFindings).ToList();
        return new HeapInspectionReport(heapBytes, kept, notes);
    }

    private static void DuplicateStrings(HeapGraph graph, List<HeapFinding> findings)
    {
        // Count instances per content; the first instance of each content is "needed", the rest waste their size.
        var perContent = new Dictionary<int, int>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            int content = graph.StringContentId(id);
            if (content >= 0)
            {
                perContent[content] = perContent.GetValueOrDefault(content) + 1;
            }
        }
        var byField = new Dictionary<string, (long Objects, long Bytes, string Example)>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            int content = graph.StringContentId(id);
            if (content < 0 || perContent[content] < 2 || seen.Add(content))
            {
                continue;
            }
            int parent = FirstListedParent(graph, id);
            string holder = parent < 0 ? "(no holder)" : Holder(graph, parent, id);
            var entry = byField.GetValueOrDefault(holder);
            byField[holder] = (entry.Objects + 1, entry.Bytes + graph.Size(id), entry.Example ?? Truncate(graph.StringValue(id) ?? ""));
        }
        foreach (var (holder, (objects, bytes, example)) in byField)
        {
            findings.Add(new HeapFinding("duplicate strings", "intern or deduplicate the strings (string.Intern, a name table)", holder, objects, bytes,
                $"{objects:N0} duplicate copies", [example]));
        }
    }

    private static void Collections(HeapGraph graph, HeapInspectOptions options, List<HeapFinding> findings)
    {
        var empty = new Dictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        var sparse = new Dictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        var unused = new Dictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            long? count = graph.Count(id);
            if (count is null)
            {
                continue;
            }
            string type = graph.TypeNameOf(id);
            // The backing store: the largest array held by the collection.
            long capacity = 0;
            long arrayBytes = 0;
            int component = 0;
            foreach (int c in graph.Children(id))
            {
                var ct = graph.TypeOf(c);
                if (ct.IsArray && graph.Length(c) is long len && len >= capacity)
                {
                    capacity = len;
                    component = ct.ComponentSize;
                }
                if (ct.IsArray)
                {
                    arrayBytes += graph.Size(c);
                }
            }
            if (count == 0)
            {
                var e = empty.GetValueOrDefault(type);
                empty[type] = (e.Objects + 1, e.Bytes + graph.Size(id) + arrayBytes);
            }
            else if (capacity > 0 && count * options.MostlyEmptyRatio <= capacity)
            {
                var e = sparse.GetValueOrDefault(type);
                sparse[type] = (e.Objects + 1, e.Bytes + (capacity - count.Value) * component);
            }
            else if (capacity > count)
            {
                var e = unused.GetValueOrDefault(type);
                unused[type] = (e.Objects + 1, e.Bytes + (capacity - count.Value) * component);
            }
        }
        foreach (var (type, (objects, bytes)) in empty)
        {
            findings.Add(new HeapFinding("empty collections", "create the collection lazily on first add (or share one empty instance)", type, objects, bytes, "count 0", []));
        }
        foreach (var (type, (objects, bytes)) in sparse)
        {
            findings.Add(new HeapFinding("mostly empty collections", "give the right initial capacity", type, objects, bytes, $"count at most 1/{options.MostlyEmptyRatio} of capacity", []));
        }
        foreach (var (type, (objects, bytes)) in unused)
        {
            findings.Add(new HeapFinding("unused capacity", "TrimExcess after filling, or size exactly", type, objects, bytes, "capacity above count", []));
        }
    }

    private static void Padding(HeapGraph graph, List<HeapFinding> findings)
    {
        var counts = new long[graph.Types.Count];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            counts[graph.TypeIndex(id)]++;
        }
        int header = 2 * Math.Max(graph.Header.PointerSize, 4);
        for (int t = 0; t < counts.Length; t++)
        {
            var type = graph.Types[t];
            if (counts[t] == 0 || type.IsArrayOrString || type.Fields.Count == 0)
            {
                continue;
            }
            long used = type.Fields.Sum(f => (long)f.Size);
            long padding = type.BaseSize - header - used;
            if (padding > 0 && type.BaseSize > 3 * header / 2)
            {
                findings.Add(new HeapFinding("padding", "reorder or narrow fields (pack small fields together, use smaller types)", graph.TypeName(t), counts[t], padding * counts[t],
                    $"{padding} of {type.BaseSize} bytes per instance are padding", []));
            }
        }
    }

    private static void SmallArrays(HeapGraph graph, HeapInspectOptions options, List<HeapFinding> findings)
    {
        var groups = new Dictionary<(int Type, long Length), long>();
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (graph.IsExcluded(id))
            {
                continue;
            }
            if (graph.TypeOf(id).IsArray && graph.Length(id) is long len && len <= options.SmallArrayLength)
            {
                var key = (graph.TypeIndex(id), len);
                groups[key] = groups.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var ((t, len), count) in groups)
        {
            if (count < options.SmallArrayMinCount)
            {
                continue;
            }
            var type = graph.Types[t];
            findings.Add(new HeapFinding("many small arrays", "struct-of-arrays: one large array (or inline fields) instead of many small ones", graph.TypeName(t), count,
                count * type.BaseSize, $"{count:N0} arrays of length {len}; each pays a {type.BaseSize}-byte header", []));
        }
    }

    private static int FirstListedParent(HeapGraph graph, int id)
    {
        foreach (int p in graph.Parents(id))
        {
            if (!graph.IsExcluded(p))
            {
                return p;
            }
        }
        return -1;
    }

    private static string Holder(HeapGraph graph, int parent, int child) =>
        graph.TypeNameOf(parent) + "." + (HeapQueries.FieldName(graph, parent, child) ?? "?");

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
