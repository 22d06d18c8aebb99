using Toolkit.Introspection.Sizing;

namespace HeapMonitor;

/// <summary>The sizer: shallow and deep sizes, exclusions, a depth limit, the per-type table and a field layout.</summary>
internal static class SizesSample
{
    public static int Run()
    {
        var sharedEnvironment = new Dictionary<string, string> { ["CC"] = "gcc", ["CFLAGS"] = "-O2" };
        var graph = new List<Node>();
        for (int i = 0; i < 1000; i++)
        {
            var node = new Node($"src/file{i}.c", kind: 1) { Environment = sharedEnvironment };
            if (i > 0)
            {
                node.Sources.Add(graph[i - 1]);
            }

            graph.Add(node);
        }

        long own = ObjectSizer.ShallowSize(graph[0]);   // the object itself, as the GC lays it out
        long all = ObjectSizer.DeepSize(graph);         // everything reachable, each object once
        DeepSizeResult r = ObjectSizer.Measure(graph, new DeepSizeOptions
        {
            ExcludedObjects = [sharedEnvironment],      // neither counted nor entered
            ExcludedTypes = [typeof(Type)],             // the type and anything derived from / implementing it
            MaxDepth = 3,                               // 0 = the root only
        });
        Console.WriteLine($"one node: {own} bytes; the graph: {all:N0} bytes");
        Console.Write(r);                               // total, object count, per-type table (largest first)
        Console.Write(TypeLayout.Of(typeof(Node)));     // offsets, sizes, padding, what an ideal ordering saves
        return 0;
    }
}
