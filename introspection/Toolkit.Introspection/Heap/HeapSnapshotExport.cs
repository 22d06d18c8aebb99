using System.Text.Json;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Writes a heap graph in the V8 heap snapshot format (<c>.heapsnapshot</c>) that the Memory panel of
/// Chromium's DevTools loads ("Load profile"), for people who would rather browse a heap there: its
/// summary by constructor, retainers, dominators and comparison of two snapshots. Node 0 is a synthetic
/// root with one synthetic child per root kind ("(Static roots)", "(Strong handles)", ...), each holding
/// its roots by their names; every object is a node (class instances "object", arrays "array", strings
/// "string" named by their contents), every reference an edge ("property" named by the field, "element"
/// indexed for array slots). Objects the graph leaves out (unreachable, folded) are not written.
/// Streams: it costs an int per object for node numbers and the string table (type names, field names,
/// string contents, each once); the file is about 40-60 bytes per object, so it suits heaps DevTools can
/// open (a few million objects), not the hundred-million ones the other verbs take.
/// </summary>
public static class HeapSnapshotExport
{
    /// <summary>V8's node fields, in order; <see cref="NodeFieldCount"/> numbers per node.</summary>
    private static readonly string[] NodeFields = ["type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"];

    private static readonly string[] NodeTypes = ["hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint", "object shape"];

    private static readonly string[] EdgeTypes = ["context", "element", "property", "internal", "hidden", "shortcut", "weak"];

    private const int NodeFieldCount = 7;

    // Node type and edge type numbers: positions in NodeTypes and EdgeTypes.
    private const int ArrayNode = 1, StringNode = 2, ObjectNode = 3, SyntheticNode = 9;
    private const int ElementEdge = 1, PropertyEdge = 2;

    /// <summary>Writes <paramref name="graph"/> to <paramref name="output"/> as one JSON document.</summary>
    public static void Write(HeapGraph graph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(output);
        var strings = new StringTable();
        var kinds = Enumerable.Range(0, graph.RootCount).Select(graph.RootKind).Distinct().Order().ToArray();
        var kindNode = new Dictionary<HeapRootKind, int>();
        for (int k = 0; k < kinds.Length; k++)
        {
            kindNode[kinds[k]] = 1 + k;
        }

        // Node numbers: 0 the root, 1..kinds the root kinds, then the objects kept, in id order.
        var node = new int[graph.ObjectCount];
        int nodes = 1 + kinds.Length;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            node[id] = graph.IsExcluded(id) ? -1 : nodes++;
        }

        long edges = kinds.Length;
        for (int r = 0; r < graph.RootCount; r++)
        {
            edges += node[graph.RootObject(r)] >= 0 ? 1 : 0;
        }

        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (node[id] >= 0)
            {
                edges += KeptChildren(graph, node, id);
            }
        }

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartObject();
        WriteMeta(json, nodes, edges);

        json.WriteStartArray("nodes");
        WriteNode(json, SyntheticNode, strings.Id("(roots)"), IdOf(0), 0, kinds.Length);
        var rootsOfKind = kinds.ToDictionary(k => k, k => Enumerable.Range(0, graph.RootCount).Count(r => graph.RootKind(r) == k && node[graph.RootObject(r)] >= 0));
        foreach (var kind in kinds)
        {
            WriteNode(json, SyntheticNode, strings.Id($"({kind} roots)"), IdOf(kindNode[kind]), 0, rootsOfKind[kind]);
        }

        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (node[id] < 0)
            {
                continue;
            }

            var type = graph.TypeOf(id);
            int nodeType = type.IsString ? StringNode : type.IsArray ? ArrayNode : ObjectNode;
            string name = type.IsString ? graph.StringValue(id) ?? type.Name : graph.TypeNameOf(id);
            WriteNode(json, nodeType, strings.Id(name), IdOf(node[id]), graph.Size(id), KeptChildren(graph, node, id));
        }

        json.WriteEndArray();

        json.WriteStartArray("edges");
        for (int k = 0; k < kinds.Length; k++)
        {
            WriteEdge(json, ElementEdge, k + 1, kindNode[kinds[k]]);
        }

        foreach (var kind in kinds)
        {
            for (int r = 0; r < graph.RootCount; r++)
            {
                if (graph.RootKind(r) == kind && node[graph.RootObject(r)] >= 0)
                {
                    var rootName = graph.RootName(r);
                    WriteEdge(json, PropertyEdge, strings.Id(rootName.Length > 0 ? rootName : kind.ToString()), node[graph.RootObject(r)]);
                }
            }
        }

        for (int id = 0; id < graph.ObjectCount; id++)
        {
            if (node[id] < 0)
            {
                continue;
            }

            var children = graph.Children(id);
            int element = 0;
            for (int i = 0; i < children.Length; i++)
            {
                if (node[children[i]] < 0)
                {
                    continue;
                }

                if (graph.ChildField(id, i) is { } field)
                {
                    WriteEdge(json, PropertyEdge, strings.Id(field.Name), node[children[i]]);
                }
                else
                {
                    WriteEdge(json, ElementEdge, element++, node[children[i]]);
                }
            }
        }

        json.WriteEndArray();
        foreach (var empty in new[] { "trace_function_infos", "trace_tree", "samples", "locations" })
        {
            json.WriteStartArray(empty);
            json.WriteEndArray();
        }

        json.WriteStartArray("strings");
        foreach (var s in strings.All)
        {
            json.WriteStringValue(s);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // V8 numbers heap objects with odd ids; DevTools only needs them unique.
    private static long IdOf(int nodeNumber) => 2L * nodeNumber + 1;

    private static int KeptChildren(HeapGraph graph, int[] node, int id)
    {
        int count = 0;
        foreach (var child in graph.Children(id))
        {
            count += node[child] >= 0 ? 1 : 0;
        }

        return count;
    }

    private static void WriteMeta(Utf8JsonWriter json, int nodes, long edges)
    {
        json.WriteStartObject("snapshot");
        json.WriteStartObject("meta");
        WriteStrings(json, "node_fields", NodeFields);
        json.WriteStartArray("node_types");
        json.WriteStartArray();
        foreach (var t in NodeTypes)
        {
            json.WriteStringValue(t);
        }

        json.WriteEndArray();
        foreach (var t in new[] { "string", "number", "number", "number", "number", "number" })
        {
            json.WriteStringValue(t);
        }

        json.WriteEndArray();
        WriteStrings(json, "edge_fields", ["type", "name_or_index", "to_node"]);
        json.WriteStartArray("edge_types");
        json.WriteStartArray();
        foreach (var t in EdgeTypes)
        {
            json.WriteStringValue(t);
        }

        json.WriteEndArray();
        json.WriteStringValue("string_or_number");
        json.WriteStringValue("node");
        json.WriteEndArray();
        WriteStrings(json, "trace_function_info_fields", ["function_id", "name", "script_name", "script_id", "line", "column"]);
        WriteStrings(json, "trace_node_fields", ["id", "function_info_index", "count", "size", "children"]);
        WriteStrings(json, "sample_fields", ["timestamp_us", "last_assigned_id"]);
        WriteStrings(json, "location_fields", ["object_index", "script_id", "line", "column"]);
        json.WriteEndObject();
        json.WriteNumber("node_count", nodes);
        json.WriteNumber("edge_count", edges);
        json.WriteNumber("trace_function_count", 0);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, string[] values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteNode(Utf8JsonWriter json, int type, int name, long id, long selfSize, int edgeCount)
    {
        json.WriteNumberValue(type);
        json.WriteNumberValue(name);
        json.WriteNumberValue(id);
        json.WriteNumberValue(selfSize);
        json.WriteNumberValue(edgeCount);
        json.WriteNumberValue(0); // trace_node_id: no allocation traces
        json.WriteNumberValue(0); // detachedness: unknown
    }

    private static void WriteEdge(Utf8JsonWriter json, int type, int nameOrIndex, int toNode)
    {
        json.WriteNumberValue(type);
        json.WriteNumberValue(nameOrIndex);
        json.WriteNumberValue((long)toNode * NodeFieldCount);
    }

    /// <summary>The snapshot's strings, each once, numbered in order of first use.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _all = [];

        public IReadOnlyList<string> All => _all;

        public int Id(string value)
        {
            if (!_ids.TryGetValue(value, out var id))
            {
                id = _all.Count;
                _ids.Add(value, id);
                _all.Add(value);
            }

            return id;
        }
    }
}
