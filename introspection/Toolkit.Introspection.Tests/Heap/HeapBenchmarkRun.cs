using System.Diagnostics;
using System.Globalization;
using Toolkit.Introspection.Heap;
using Xunit.Abstractions;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// The 10-million-object benchmark, run only when TOOLKIT_HEAP_BENCH is set to an object count
/// (e.g. TOOLKIT_HEAP_BENCH=10000000 dotnet test -c Release --filter HeapBenchmarkRun
/// --logger "console;verbosity=detailed"): captures the target's big heap, loads it, builds
/// parents and dominators, and prints the time and bytes per object of each step. It checks
/// results, never times: timings are for the report.
/// </summary>
public sealed class HeapBenchmarkRun(ITestOutputHelper output)
{
    [Fact]
    public void Capture_load_and_dominate_a_big_heap()
    {
        string? setting = Environment.GetEnvironmentVariable("TOOLKIT_HEAP_BENCH");
        if (string.IsNullOrEmpty(setting))
        {
            output.WriteLine("skipped: set TOOLKIT_HEAP_BENCH=<object count> to run the heap benchmark");
            return;
        }
        long objects = long.Parse(setting, CultureInfo.InvariantCulture);
        using var dir = new TempDirectory();
        string path = dir.File("big.heap");
        HeapCaptureResult capture;
        using (var target = new HeapTargetProcess("big", setting))
        {
            capture = HeapSnapshot.CaptureProcess(target.Id, path);
        }
        output.WriteLine(capture.ToText());
        var clock = Stopwatch.StartNew();
        var graph = HeapGraph.Load(path);
        double load = clock.Elapsed.TotalSeconds;
        output.WriteLine($"load {load:F2} s = {graph.ObjectCount / load / 1e6:F2} M objects/s; {graph.Memory().ToText()}");
        clock.Restart();
        graph.EnsureParents();
        output.WriteLine($"parents {clock.Elapsed.TotalSeconds:F2} s; {graph.Memory().ToText()}");
        clock.Restart();
        var tree = graph.Dominators();
        output.WriteLine($"dominators {clock.Elapsed.TotalSeconds:F2} s ({tree.Iterations} passes); {graph.Memory().ToText()}");
        Assert.True(graph.ObjectCount >= objects * 99 / 100);
        Assert.Equal(capture.Objects, graph.ObjectCount);
        Assert.Equal(0, graph.UnresolvedReferences);
    }
}
