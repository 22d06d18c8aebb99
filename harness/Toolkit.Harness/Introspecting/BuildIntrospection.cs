using System.Runtime.CompilerServices;
using Toolkit.Engine.Build;
using Toolkit.Engine.Debugging;
using Toolkit.Engine.Graph;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Terminal;
using Toolkit.Introspection.Heap;
using Toolkit.Introspection.Reporting;

namespace Toolkit.Harness.Introspecting;

/// <summary>
/// What <c>toolkit build</c> looks at besides building: <c>--debug=count</c>, <c>--debug=memory</c>,
/// <c>--track</c> with <c>--snapshot-every</c> and <c>--stats</c> (the heap monitor, through
/// <see cref="EngineTypeTracker"/>), and <c>--heap-snapshot</c> (the whole heap, through
/// <see cref="HeapSnapshot.CaptureSelf"/>). Costs nothing when none is asked for.
/// </summary>
public sealed class BuildIntrospection : Commands.IBuildObserver
{
    private readonly BuildIntrospectionOptions _options;
    private EngineTypeTracker? _tracker;
    private PhaseLeakCheck? _leaks;

    /// <summary>Checks the options (before any work, so a typo costs no build) and starts the tracker if one is needed.</summary>
    public BuildIntrospection(BuildIntrospectionOptions options)
    {
        _options = options;
        if (options.StatsPath is { } stats && !IsJson(stats) && !IsHtml(stats))
        {
            throw new UsageException($"--stats {stats}: the file must end in .json (saved TrackerStats) or .html (the report page)");
        }

        if (options.SnapshotEvery is not null && options.StatsPath is null)
        {
            throw new UsageException("--snapshot-every needs --stats FILE to write the snapshots to");
        }

        if (options.TrackTypes.Count > 0 && options.StatsPath is null && !options.Count && !options.Memory)
        {
            throw new UsageException("--track needs --stats FILE (or --debug=count / --debug=memory) to show what it tracked");
        }

        if (options.ExpectDeadAfter.Count > 0)
        {
            _leaks = new PhaseLeakCheck(options.ExpectDeadAfter);
        }

        var types = EngineTypeTracker.ResolveTypes(options.TrackTypes);
        var discover = options.Count || options.Memory || (options.StatsPath is not null && types.Count == 0);
        if (discover || types.Count > 0)
        {
            _tracker = new EngineTypeTracker(discover, types);
            if (options.SnapshotEvery is { } interval)
            {
                _tracker.StartPeriodic(interval);
            }
        }
    }

    /// <summary>The callback for <see cref="Project.Open(string, EngineSettings, IBuildReporter, Action{LoadPhase, BuildGraph}?)"/>; null when nothing is tracked.</summary>
    public Action<LoadPhase, BuildGraph>? OnPhase => _tracker is null && _leaks is null ? null : Phase;

    /// <summary>Hands the build's executor through, noting it (with <c>--expect-dead-after build</c>) as what the build drops when it ends.</summary>
    public Engine.Actions.IActionExecutor Building(Engine.Actions.IActionExecutor executor)
    {
        _leaks?.PhaseEnded("build", executor);
        return executor;
    }

    /// <summary>After the build, with the project (and so the graph) alive: the last snapshot, the reports, the stats file, the heap snapshot.</summary>
    public void AfterBuild(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (_tracker is not null)
        {
            Report(_tracker, project);
            _tracker.Dispose(); // before a heap snapshot, so the tracker's own tables are not in it
            _tracker = null;
        }

        if (_leaks is not null)
        {
            CheckLeaks(_leaks, project);
            _leaks.Dispose();
            _leaks = null;
        }

        if (_options.HeapSnapshotPath is { } heap)
        {
            var options = new HeapCaptureOptions { RecordStringContents = !_options.NoStringContents };
            CollectGarbage(); // the heap file then holds what the build keeps, not what it dropped
            var result = Output.WithProgress("capturing the heap", _ => HeapSnapshot.CaptureSelf(heap, options));
            Output.Line("toolkit: " + result.ToText());
        }

        if (_options.CoreDumpPath is { } core)
        {
            CollectGarbage();
            using var dump = Output.WithProgress("writing a core dump", _ => CoreDumpWriter.Create(System.Environment.ProcessId));
            File.Move(dump.DumpPath, core, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(core, UnixFileMode.UserRead | UnixFileMode.UserWrite); // it holds every string of the process
            }
            Output.Line($"toolkit: wrote a core dump of this process to {core} (analyse with toolkit heap snapshot --core, or dotnet-dump)");
        }

        GC.KeepAlive(project);
    }

    // Not inlined: the stats it makes must be dead (no live local) when the heap is captured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Report(EngineTypeTracker tracker, Project project)
    {
        tracker.StopPeriodic();
        tracker.Observe(project, project.Graph.Store);
        tracker.Snapshot(MemoryPhaseReport.Phases[2]);
        var stats = tracker.GetStats();
        if (_options.Count)
        {
            Output.Line(DebugCountReport.Render(stats, project.Graph.Store.Count).TrimEnd('\n'));
        }

        if (_options.Memory)
        {
            Output.Line(MemoryPhaseReport.Render(stats).TrimEnd('\n'));
        }

        if (_options.StatsPath is { } path)
        {
            if (IsJson(path))
            {
                stats.Save(path);
            }
            else
            {
                File.WriteAllText(path, HtmlReport.Render(stats, $"toolkit build {project.Graph.RootDirectory} ({_options.Variant})"));
            }

            Output.Line($"toolkit: wrote {path} ({stats.Snapshots.Count} snapshots, {stats.Instances.Count:N0} instances tracked)");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tracker?.Dispose();
        _leaks?.Dispose();
    }

    private static void CheckLeaks(PhaseLeakCheck leaks, Project project)
    {
        var phases = string.Join(",", leaks.Chosen);
        var report = Output.WithProgress("checking what should be dead", _ => leaks.Check(project));
        Output.Line($"toolkit: expect dead after {phases}: " + report.ToText().TrimEnd('\n'));
    }

    /// <summary>A full, compacting collection, twice around the finalizers, so only live objects remain.</summary>
    public static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private void Phase(LoadPhase phase, BuildGraph graph)
    {
        _leaks?.PhaseEnded(phase == LoadPhase.ManifestRead ? "read" : "scan", graph);
        if (_tracker is not null)
        {
            _tracker.Observe(graph, graph.Store);
            _tracker.Snapshot(phase == LoadPhase.ManifestRead ? MemoryPhaseReport.Phases[0] : MemoryPhaseReport.Phases[1]);
        }
    }
}
