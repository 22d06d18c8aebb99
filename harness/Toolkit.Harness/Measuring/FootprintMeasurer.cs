using System.Diagnostics;
using Toolkit.Engine.Build;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Measures one variant on one project in this process, as docs/measuring.md describes: full blocking
/// compacting collections before loading, after loading and after building, with the graph kept alive,
/// the difference being what the graph retains; then a null build (open again, build, nothing to run).
/// Before each phase's measuring collections it reads the GC's own account of the heap
/// (<see cref="GcProbe"/>): size, free space and committed memory after the program's last collection.
/// Run it in a fresh process per measurement (toolkit scale does): what ran before in the same
/// process changes the heap's fixed part and the JIT's state.
/// </summary>
public static class FootprintMeasurer
{
    /// <summary>
    /// Measures; <paramref name="dryRun"/> makes the measured build a dry run; <paramref name="clean"/>
    /// removes built files and the database first, so the measured build is a full build; <paramref name="dependencyLog"/>
    /// false opens without the dependency log (<c>--no-deps-log</c>: every file read and scanned on each open).
    /// </summary>
    public static FootprintRecord Measure(string directory, IMemoryVariant variant, bool dryRun, int jobs, bool clean, bool dependencyLog = true)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var settings = variant.CreateSettings().WithDependencyLog(dependencyLog).WithReadOnly(dryRun).WithScanForDecisionsOnly(dryRun);
        if (clean)
        {
            Project.Open(directory, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false }).Clean();
        }

        var runtimeRss = ProcessMemory.ResidentBytes();
        var before = LiveHeap();

        var load = PhaseCounters.Start();
        var reporter = new NullBuildReporter { KeepCommands = false };
        var project = Project.Open(directory, settings, reporter);
        load.Stop();
        var afterLoad = LiveHeap();
        var loadAllocation = project.LoadAllocation;

        var build = PhaseCounters.Start();
        var result = project.Build(null, new BuildOptions { Jobs = jobs, DryRun = dryRun }, project.CreateExecutor());
        build.Stop();
        if (!result.Succeeded)
        {
            var first = reporter.Errors.Count > 0 ? $"; first: {reporter.Errors[0]}" : string.Empty;
            throw new MeasurementException($"the measured build of '{directory}' failed ({result.Failed} failed{first}); a footprint of a failed build would mislead");
        }

        var afterBuild = LiveHeap();
        var nodes = project.Graph.Store.Count;
        var edges = project.Graph.CountEdges();
        var rss = ProcessMemory.ResidentBytes();
        GC.KeepAlive(project);
        project = null;

        var clock = Stopwatch.StartNew();
        var again = Project.Open(directory, settings, new NullBuildReporter { KeepCommands = false });
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
            AllocatedBytes = load.Allocated + build.Allocated,
            PeakRssBytes = ProcessMemory.PeakResidentBytes(),
            RssBytes = rss,
            Gen0Collections = load.Gen0 + build.Gen0,
            Gen1Collections = load.Gen1 + build.Gen1,
            Gen2Collections = load.Gen2 + build.Gen2,
            GcPauseSeconds = (load.Pause + build.Pause).TotalSeconds,
            LoadSeconds = load.Seconds,
            BuildSeconds = build.Seconds,
            ActionsRun = result.Executed,
            NullBuildSeconds = nullSeconds,
            DryRun = dryRun,
            RuntimeRssBytes = runtimeRss,
            LiveHeapBeforeBytes = before,
            AllocatedBytesByLoad = load.Allocated,
            AllocatedBytesByRead = loadAllocation.ReadBytes,
            AllocatedBytesByScan = loadAllocation.ScanBytes,
            AllocatedBytesByDatabase = loadAllocation.DatabaseBytes,
            AllocatedBytesByBuild = build.Allocated,
            LoadGc = load.Gc,
            BuildGc = build.Gc,
            GcMode = GcProbe.Mode(),
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
