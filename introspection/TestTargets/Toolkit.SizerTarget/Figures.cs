using System.Diagnostics;
using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>
/// Measures the figures of the heap monitor on a graph of look-alike nodes: the tracker's overhead per
/// tracked object (its own accounting and the managed heap's growth), the time of a snapshot, and the
/// sizer's speed in objects per second. Run in Release: dotnet run -c Release -- figures [NODES].
/// </summary>
internal static class Figures
{
    /// <summary>Repeats per timing; the report prints each run.</summary>
    private const int Runs = 3;

    public static int Run(int nodes)
    {
        var graph = BuildGraph(nodes);
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var tracker = new ClassTracker();
        tracker.TrackClass<LookAlikeNode>();
        foreach (var n in graph)
        {
            tracker.Observe(n);
        }

        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"nodes tracked: {tracker.TrackedCount:N0}");
        Console.WriteLine($"tracker overhead (own accounting, before snapshots): {tracker.OverheadBytes() / (double)nodes:F1} bytes per tracked object");
        Console.WriteLine($"managed heap growth from tracking: {(heapAfter - heapBefore) / (double)nodes:F1} bytes per tracked object (weak-handle table not included)");
        for (int r = 0; r < Runs; r++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var s = tracker.Snapshot($"full {r + 1}");
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine($"full snapshot {r + 1}: {s.DurationMs:F0} ms wall ({cpuMs:F0} ms CPU) for {s.LiveCount:N0} live nodes, {ByteFormat.Format(s.TotalBytes)} owned; record {ByteFormat.Format(s.RecordBytes)}; tracker overhead now {ByteFormat.Format(s.OverheadBytes)}");
        }

        // Periodic snapshots are incremental: a build changes some nodes between two of them.
        var random = new Random(1);
        for (int r = 0; r < Runs * 2; r++)
        {
            int changed = r % 2 == 0 ? 0 : nodes / 100;
            for (int k = 0; k < changed; k++)
            {
                var n = graph[random.Next(nodes)];
                n.State = LookAlikeState.Built;
                n.Signature.Text = "md5:changed";
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var s = tracker.Snapshot($"periodic {r + 1}", incremental: true);
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine($"incremental snapshot {r + 1} ({changed:N0} nodes changed before it): {s.DurationMs:F0} ms wall ({cpuMs:F0} ms CPU) for {s.LiveCount:N0} live nodes, {s.ResizedCount:N0} re-sized; record {ByteFormat.Format(s.RecordBytes)}");
        }

        var last = tracker.Snapshots[^1];
        Console.WriteLine($"tracker cost per tracked object (table and handle slot): {last.TableBytes / (double)last.TrackedCount:F1} bytes");
        for (int r = 0; r < Runs; r++)
        {
            int gen2 = GC.CollectionCount(2);
            int gen0 = GC.CollectionCount(0);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = ObjectSizer.Measure(graph);
            sw.Stop();
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"deep size run {r + 1}: {result.ObjectCount:N0} objects, {ByteFormat.Format(result.TotalBytes)} in {sw.Elapsed.TotalMilliseconds:F0} ms = {result.ObjectCount / sw.Elapsed.TotalSeconds / 1e6:F1} M objects/s wall, {result.ObjectCount / cpuSeconds / 1e6:F1} M objects per CPU-second ({GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2 collections during the walk)");
        }

        GC.KeepAlive(graph);
        return 0;
    }

    private static LookAlikeNode[] BuildGraph(int count)
    {
        var nodes = new LookAlikeNode[count];
        var dir = new LookAlikeNode(-1, "src", LookAlikeKind.Source);
        for (int i = 0; i < count; i++)
        {
            var n = new LookAlikeNode(i, $"src/dir{i % 1000}/file{i}.c", (LookAlikeKind)(i % 4)) { Directory = dir };
            if (i > 0)
            {
                n.Sources.Add(nodes[i - 1]);
            }

            if (i % 10 == 0)
            {
                n.Signature = new LookAlikeSignature { Algorithm = 1, Low = i, Text = $"md5:{i:x8}" };
            }

            nodes[i] = n;
        }

        return nodes;
    }
}
