using System.Text.Json;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>The V8 .heapsnapshot export (<see cref="HeapSnapshotExport"/>) on a synthetic heap with a hand-worked answer: every object a node, every reference an edge, in the layout DevTools reads.</summary>
public sealed class HeapSnapshotExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Objects_become_nodes_and_references_edges_named_by_field_or_indexed_with_the_roots_under_their_kind()
    {
        var heap = new SyntheticHeap();
        int item = heap.Class("App.Item", "next", "label");
        int array = heap.ArrayType("App.Item[]", 8);
        int text = heap.StringType();
        int a = heap.Object(item), b = heap.Object(item), items = heap.Object(array, 2), hello = heap.Object(text, 5, "hello"), dead = heap.Object(item);
        heap.Ref(a, b, 1);
        heap.Ref(b, hello, 2);
        heap.Ref(items, a, 0);
        heap.Ref(items, b, 0);
        heap.Ref(dead, a, 1);
        heap.Root(items);
        heap.Root(a, HeapRootKind.Static);
        var graph = HeapGraph.Load(heap.Write(_dir.File("x.heap"))).WithoutUnreachable();

        using var stream = new MemoryStream();
        HeapSnapshotExport.Write(graph, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var meta = json.RootElement.GetProperty("snapshot").GetProperty("meta");
        string[] nodeFields = [.. meta.GetProperty("node_fields").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(["type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"], nodeFields);
        string[] nodeTypes = [.. meta.GetProperty("node_types")[0].EnumerateArray().Select(e => e.GetString()!)];
        string[] edgeTypes = [.. meta.GetProperty("edge_types")[0].EnumerateArray().Select(e => e.GetString()!)];
        long[] nodes = [.. json.RootElement.GetProperty("nodes").EnumerateArray().Select(e => e.GetInt64())];
        long[] edges = [.. json.RootElement.GetProperty("edges").EnumerateArray().Select(e => e.GetInt64())];
        string[] strings = [.. json.RootElement.GetProperty("strings").EnumerateArray().Select(e => e.GetString()!)];
        int f = nodeFields.Length;

        // (roots), its two root kinds, then the four live objects; the dead one is left out.
        int nodeCount = json.RootElement.GetProperty("snapshot").GetProperty("node_count").GetInt32();
        Assert.Equal((7, nodeCount * f), (nodeCount, nodes.Length));
        Assert.Equal(edges.Length / 3, json.RootElement.GetProperty("snapshot").GetProperty("edge_count").GetInt64());
        Assert.Equal(edges.Length / 3, Enumerable.Range(0, nodeCount).Sum(n => nodes[n * f + 4]));
        Assert.Equal(nodeCount, Enumerable.Range(0, nodeCount).Select(n => nodes[n * f + 2]).Distinct().Count());

        string Name(int n) => strings[nodes[n * f + 1]];
        string Type(int n) => nodeTypes[nodes[n * f]];
        var byName = new Dictionary<int, List<(string Type, string Name, int To)>>();
        int edge = 0;
        for (int n = 0; n < nodeCount; n++)
        {
            var list = byName[n] = [];
            for (int e = 0; e < nodes[n * f + 4]; e++, edge++)
            {
                Assert.Equal(0, edges[edge * 3 + 2] % f);
                string type = edgeTypes[edges[edge * 3]];
                list.Add((type, type == "element" ? edges[edge * 3 + 1].ToString(System.Globalization.CultureInfo.InvariantCulture) : strings[edges[edge * 3 + 1]], (int)(edges[edge * 3 + 2] / f)));
            }
        }

        Assert.Equal(("synthetic", "(roots)"), (Type(0), Name(0)));
        Assert.Equal(["(StrongHandle roots)", "(Static roots)"], byName[0].Select(e => Name(e.To)).Order(StringComparer.Ordinal).Reverse());
        int Find(string type, string name) => Enumerable.Range(0, nodeCount).Single(n => Type(n) == type && Name(n) == name);
        int arrayNode = Find("array", "App.Item[]");
        int stringNode = Find("string", "hello");
        var itemNodes = Enumerable.Range(0, nodeCount).Where(n => Name(n) == "App.Item").ToArray();
        Assert.Equal(2, itemNodes.Length);
        Assert.Equal([("element", "0", itemNodes[0]), ("element", "1", itemNodes[1])], byName[arrayNode]);
        Assert.Equal([("property", "next", itemNodes[1])], byName[itemNodes[0]]);
        Assert.Equal([("property", "label", stringNode)], byName[itemNodes[1]]);
        Assert.Equal(graph.Size(graph.FindObject(SyntheticHeap.AddressOf(hello))), nodes[stringNode * f + 3]);
        var staticRoots = byName[0].Single(e => Name(e.To) == "(Static roots)").To;
        Assert.Equal([itemNodes[0]], byName[staticRoots].Select(e => e.To));
    }
}
