using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>
/// A small build-like run under the tracker, for looking at the reports: nodes load in waves, executors
/// are attached, temporary nodes die, periodic snapshots run throughout. Writes the stats file and the
/// HTML page: dotnet run -- demo OUT.json OUT.html
/// </summary>
internal static class Demo
{
    /// <summary>Nodes per loading wave; small enough to run in a second or two.</summary>
    private const int Wave = 4000;

    /// <summary>Periodic snapshot interval.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    public static int Run(string jsonOut, string htmlOut)
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<LookAlikeNode>(detail: true);
        tracker.TrackClass<LookAlikeExecutor>();
        var graph = new List<LookAlikeNode>();
        tracker.TrackObject(graph, "the graph's node list");
        tracker.StartPeriodic(Interval);
        for (int wave = 0; wave < 4; wave++)
        {
            for (int i = 0; i < Wave; i++)
            {
                int id = graph.Count;
                var n = new LookAlikeNode(id, $"src/module{wave}/file{i}.c", (LookAlikeKind)(i % 4));
                if (id > 0)
                {
                    n.Sources.Add(graph[id - 1]);
                }

                n.Signature = new LookAlikeSignature { Text = new string('s', 16 + (i % 32)) };
                graph.Add(n);
                tracker.Observe(n);
            }

            tracker.Snapshot($"after-load wave {wave + 1}");
            Thread.Sleep(200);
        }

        var temporaries = new List<LookAlikeNode>();
        for (int i = 0; i < Wave; i++)
        {
            var t = new LookAlikeNode(-1, $"tmp/scratch{i}.o", LookAlikeKind.Object) { Depends = [graph[i]] };
            temporaries.Add(t);
            tracker.Observe(t);
        }

        tracker.TrackObject(temporaries[0], "first scratch node");
        for (int i = 0; i < graph.Count; i += 3)
        {
            var e = new LookAlikeExecutor { Targets = [graph[i]], Sources = [.. graph[i].Sources], Command = $"cc -c -o {graph[i].Path}.o {graph[i].Path}" };
            graph[i].Executor = e;
            tracker.Observe(e);
        }

        tracker.Snapshot("after-build");
        Thread.Sleep(300);

        // A snapshot in progress holds the tracked objects strongly, so stop the periodic ones before
        // collecting: a death is seen by the first snapshot after a collection that ran between snapshots.
        tracker.StopPeriodic();
        temporaries.Clear();
        temporaries = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        tracker.Snapshot("after-cleanup");
        var stats = tracker.GetStats();
        stats.Save(jsonOut);
        File.WriteAllText(htmlOut, HtmlReport.Render(stats, "Heap monitor: demo build"));
        Console.Out.Write(ConsoleReport.Render(stats));
        GC.KeepAlive(graph);
        return 0;
    }
}
