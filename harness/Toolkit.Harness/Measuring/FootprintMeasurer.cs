using System.Diagnostics;
using Toolkit.Engine.Build;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Measures one variant on one project in this process, as docs/measuring.md describes: full blocking
/// compacting collections before loading, after loading and after building, with the graph kept alive,
/// the difference being what the graph retains; then a null build (open again, build, nothing to run).
/// Run it in a fresh process per measurement (toolkit scale does): what ran before in the same
/// process changes the heap's fixed part and the JIT's state.
/// </summary>
public static class FootprintMeasurer
{
    /// <summary>
    /// Measures; <paramref name="dryRun"/> makes the measured build a dry run; <paramref name="clean"/>
    /// removes built files and the database first, so the measured build is a full build.
    /// </summary>
    public static FootprintRecord Measure(string directory, IMemoryVariant variant, bool dryRun, int jobs, bool clean)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (clean)
        {
            Project.Open(directory, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false }).Clean();
        }

        var before = LiveHeap();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();

        var clock = Stopwatch.StartNew();
        var project = Project.Open(directory, variant.CreateSettings(), new NullBuildReporter { KeepCommands = false });
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var allocatedByLoad = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gcDuringLoad = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseDuringLoad = GC.GetTotalPauseDuration();
        var afterLoad = LiveHeap();

        var allocatedBeforeBuild = GC.GetTotalAllocatedBytes(precise: true);
        var gcBeforeBuild = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBeforeBuild = GC.GetTotalPauseDuration();
        clock.Restart();
        var result = project.Build(null, new BuildOptions { Jobs = jobs, DryRun = dryRun }, project.CreateExecutor());
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var allocatedByBuild = GC.GetTotalAllocatedBytes(precise: true) - allocatedBeforeBuild;
        var gcAfterBuild = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseAfterBuild = GC.GetTotalPauseDuration();
        if (!result.Succeeded)
        {
            throw new MeasurementException($"the measured build of '{directory}' failed ({result.Failed} failed); a footprint of a failed build would mislead");
        }

        var afterBuild = LiveHeap();
        var nodes = project.Graph.Store.Count;
        var edges = project.Graph.CountEdges();
        var rss = ProcessMemory.ResidentBytes();
        GC.KeepAlive(project);
        project = null;

        clock.Restart();
        var again = Project.Open(directory, variant.CreateSettings(), new NullBuildReporter { KeepCommands = false });
        var nullResult = again.Build(null, new BuildOptions { Jobs = jobs, DryRun = dryRun }, again.CreateExecutor());
        var nullSeconds = clock.Elapsed.TotalSeconds;
        if (!dryRun && nullResult.Executed != 0)
        {
            throw new MeasurementException($"the null build of '{directory}' ran {nullResult.Executed} actions: the project is not stable, so its null build cannot be measured");
        }

        return new FootprintRecord
        {
            Variant = variant.Name,
            Nodes = nodes,
            Edges = edges,
            RetainedBytesAfterLoad = afterLoad - before,
            RetainedBytesAfterBuild = afterBuild - before,
            BytesPerNode = (afterBuild - before) / (double)Math.Max(1, nodes),
            BytesPerNodeAfterLoad = (afterLoad - before) / (double)Math.Max(1, nodes),
            AllocatedBytes = allocatedByLoad + allocatedByBuild,
            PeakRssBytes = ProcessMemory.PeakResidentBytes(),
            RssBytes = rss,
            Gen0Collections = gcDuringLoad.Item1 - gcBefore.Item1 + (gcAfterBuild.Item1 - gcBeforeBuild.Item1),
            Gen1Collections = gcDuringLoad.Item2 - gcBefore.Item2 + (gcAfterBuild.Item2 - gcBeforeBuild.Item2),
            Gen2Collections = gcDuringLoad.Item3 - gcBefore.Item3 + (gcAfterBuild.Item3 - gcBeforeBuild.Item3),
            GcPauseSeconds = (pauseDuringLoad - pauseBefore + (pauseAfterBuild - pauseBeforeBuild)).TotalSeconds,
            LoadSeconds = loadSeconds,
            BuildSeconds = buildSeconds,
            ActionsRun = result.Executed,
            NullBuildSeconds = nullSeconds,
            DryRun = dryRun,
        };
    }

    /// <summary>The live managed heap after two full, blocking, compacting collections.</summary>
    public static long LiveHeap()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
