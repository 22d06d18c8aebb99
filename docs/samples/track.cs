#:project ../../introspection/Toolkit.Introspection/Toolkit.Introspection.csproj

// The class tracker on a build-like workload, as a .NET 10 one-file app with default settings
// (AOT defaults: reflection-based JSON off). Run from the repository root:
//   dotnet run docs/samples/track.cs -- OUT_DIR
// It writes OUT_DIR/track.json (the saved stats) and OUT_DIR/track.html (the report page) and
// prints the console report. docs/samples/HeapMonitor analyses the saved file in another process.
using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tracking;

string outDir = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(outDir);

using var tracker = new ClassTracker();
tracker.TrackClass<Node>(detail: true);      // every Node handed to Observe or found by ScanRoot, with bytes per field
tracker.TrackClass<Executor>();

var graph = new List<Node>();
tracker.TrackObject(graph, "all nodes");     // a single object, with a name
tracker.StartPeriodic(TimeSpan.FromMilliseconds(20));
foreach (var node in Workload.LoadNodes(5_000))
{
    graph.Add(node);
    tracker.Observe(node);                   // the hook: call it where nodes are created
}

tracker.Snapshot("after-load");
Workload.Build(graph);
tracker.ScanRoot(graph);                     // or find instances by walking from a root: the executors Build attached
tracker.Snapshot("after-build");
tracker.StopPeriodic();

Workload.MakeTemporaries(tracker, 500);      // tracked weakly: nothing keeps them alive
GC.Collect();
tracker.Snapshot("after-cleanup");           // finds the 500 dead, with their lifetimes

TrackerStats stats = tracker.GetStats();
stats.Save(Path.Combine(outDir, "track.json"));
File.WriteAllText(Path.Combine(outDir, "track.html"), HtmlReport.Render(stats, "Heap monitor: docs/samples/track.cs"));
Console.Write(ConsoleReport.Render(stats));
GC.KeepAlive(graph);

/// <summary>A build node: its path, the nodes it is made from, the executor that builds it, its content signature.</summary>
internal sealed class Node(string path)
{
    public string Path { get; } = path;

    public List<Node> Sources { get; } = [];

    public Executor? Executor { get; set; }

    public byte[]? Signature { get; set; }
}

/// <summary>What builds a node: the command line and its targets.</summary>
internal sealed class Executor(string command, Node target)
{
    public string Command { get; } = command;

    public Node Target { get; } = target;
}

/// <summary>A stand-in for a build engine: load nodes (each depending on the one before), then "build" every third.</summary>
internal static class Workload
{
    public static IEnumerable<Node> LoadNodes(int count)
    {
        Node? previous = null;
        for (int i = 0; i < count; i++)
        {
            var node = new Node($"src/dir{i % 50}/file{i}.c");
            if (previous is not null)
            {
                node.Sources.Add(previous);
            }

            previous = node;
            yield return node;
        }
    }

    /// <summary>Scratch nodes dropped at once; in a method of its own so no local of the caller still holds the last one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void MakeTemporaries(ClassTracker tracker, int count)
    {
        for (int i = 0; i < count; i++)
        {
            tracker.Observe(new Node($"tmp/scratch{i}.o"));
        }
    }

    public static void Build(List<Node> graph)
    {
        for (int i = 0; i < graph.Count; i += 3)
        {
            graph[i].Executor = new Executor($"cc -c -o {graph[i].Path}.o {graph[i].Path}", graph[i]);
            graph[i].Signature = new byte[16];
        }
    }
}
