using System.Globalization;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Scaling;

/// <summary>
/// The scaling benchmark (docs/measuring.md). Generates each project once (<see cref="ProjectCache"/>),
/// then, in rounds, measures every tool at every point: each engine variant as a whole process
/// (dry run on a clean tree, full build, null build, from outside with <see cref="ProcessMeasurer"/>)
/// and in a fresh <c>toolkit footprint</c> child (managed heap); each peer as a whole process the same
/// way, with the stand-in compiler and archiver first on PATH. The first <see cref="ScaleRequest.Warmup"/>
/// rounds are warm-ups, recorded but not counted; within a round the tools at a point run in the order
/// of a Williams design row (<see cref="RunOrder"/>), so no tool is always first and drift falls on all
/// alike. A peer that fails at a point is recorded as skipped there with its error; an engine failure stops the run.
/// </summary>
public sealed class ScaleRunner
{
    private readonly FootprintChildRunner _children;

    /// <summary>Creates a runner that starts footprint children with <paramref name="children"/>.</summary>
    public ScaleRunner(FootprintChildRunner children)
    {
        _children = children;
    }

    /// <summary>Runs the whole benchmark.</summary>
    public ScaleResults Run(ScaleRequest request, IScaleProgress progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var points = Prepare(request, progress, cancellation);
        var standIns = StandInTools.Directory();
        var runs = new List<RunRecord>();
        var log = new ProcessLog();
        foreach (var point in points)
        {
            foreach (var (peer, reason) in point.Skipped)
            {
                progress.Note($"skipping {peer.Name} at {point.Label}: {reason}");
                foreach (var operation in ProcessOperations.All)
                {
                    log.Skip(peer.Name, null, point.Sources, point.LargeFiles, operation, peer.Describe(operation, request.Jobs), reason);
                }
            }
        }

        foreach (var point in points)
        {
            foreach (var peer in point.Tools.OfType<OriginalTreePeer>())
            {
                foreach (var (operation, reason) in peer.Skipped)
                {
                    log.Skip(peer.Name, null, point.Sources, point.LargeFiles, operation, peer.Describe(operation, request.Jobs), reason);
                }
            }
        }

        var rounds = request.Warmup + request.Repeat;
        var steps = points.Sum(p => p.Tools.Count) * rounds;
        var step = 0;
        var sequence = 0;
        for (var round = 0; round < rounds; round++)
        {
            var repetition = round + 1 - request.Warmup;
            for (var p = 0; p < points.Count; p++)
            {
                var point = points[p];
                foreach (var index in RunOrder.Row(point.Tools.Count, round + p))
                {
                    cancellation.ThrowIfCancellationRequested();
                    var tool = point.Tools[index];
                    var what = repetition <= 0 ? "warm-up" : $"run {repetition} of {request.Repeat}";
                    progress.Step($"{point.Label}, {tool.Label}, {what}", ++step, steps);
                    if (log.IsSkipped(tool.Name, tool.Variant, point.Sources, point.LargeFiles, tool.Operations))
                    {
                        continue;
                    }

                    var unit = new ScaleTurn(point, tool, repetition, standIns, request.Jobs);
                    MeasureProcesses(unit, log, progress, ref sequence, cancellation);
                    if (tool is EngineTool { Footprint: true } engine && !log.IsSkipped(tool.Name, tool.Variant, point.Sources, point.LargeFiles, tool.Operations))
                    {
                        point.Tree.Clean();
                        var footprint = _children.Run(point.Tree.Directory, engine.Variant, request.DryRun, clean: false, cancellation);
                        runs.Add(new RunRecord(point.Sources, engine.Variant, repetition, sequence++, footprint, repetition <= 0, point.LargeFiles));
                    }
                }
            }
        }

        return new ScaleResults
        {
            SchemaVersion = ScaleResults.CurrentSchemaVersion,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Toolkit = MachineProbe.Toolkit(),
            Machine = MachineProbe.Describe(),
            Options = Options(request),
            Project = request.Project is { } imported ? ImportedRecord(imported, points[0], runs) : null,
            Projects = points.Select(p => Record(p, runs)).ToArray(),
            Runs = runs,
            Peers = [],
            Processes = log.Records(),
        };
    }

    /// <summary>The variants that hash files differently from baseline: the ones the large-files point is for.</summary>
    public static IReadOnlyList<string> HashingVariants(IReadOnlyList<string> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var factory = VariantFactory.Default;
        var baseline = factory.Get(BaselineVariant.VariantName).CreateSettings().Hasher.GetType();
        return variants.Where(v => v == BaselineVariant.VariantName || factory.Find(v) is { } variant && variant.CreateSettings().Hasher.GetType() != baseline).ToArray();
    }

    /// <summary>True when a variant judged by peak RSS (chunked hashing, which only large files show) is among <paramref name="variants"/>.</summary>
    public static bool JudgedByPeakRss(IReadOnlyList<string> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Any(v => VariantFactory.Default.Find(v)?.Technique?.JudgedBy == MemoryMetric.PeakRssPerNode);
    }

    /// <summary>One dry run, full build and null build of a tool at a point, from a clean tree.</summary>
    private static void MeasureProcesses(ScaleTurn unit, ProcessLog log, IScaleProgress progress, ref int sequence, CancellationToken cancellation)
    {
        var (point, tool) = (unit.Point, unit.Tool);
        if (tool.Directory is null)
        {
            point.Tree.Clean();
        }

        var directory = tool.Directory ?? point.Tree.Directory;
        foreach (var operation in tool.Operations)
        {
            var (fileName, arguments) = tool.Command(operation, directory, unit.Jobs);
            var described = tool.Describe(operation, unit.Jobs);
            ProcessMeasurement measured;
            try
            {
                measured = ProcessMeasurer.Run(fileName, arguments, directory, unit.StandIns, cancellation);
                tool.CheckRun(operation, measured);
            }
            catch (MeasurementException exception) when (tool is not EngineTool)
            {
                progress.Note($"{tool.Name} failed at {point.Label}; it is skipped there: {exception.Message}");
                foreach (var each in tool.Operations)
                {
                    log.Skip(tool.Name, null, point.Sources, point.LargeFiles, each, tool.Describe(each, unit.Jobs), "failed: " + exception.Message);
                }

                return;
            }
            finally
            {
                tool.AfterRun();
            }

            var run = new ProcessRun(unit.Repetition, sequence++, unit.Repetition <= 0, measured.PeakRssBytes, measured.WallSeconds, measured.UserSeconds, measured.SystemSeconds);
            log.Add(tool.Name, tool.Variant, point.Sources, point.LargeFiles, operation, described, run);
        }
    }

    private static List<ScalePoint> Prepare(ScaleRequest request, IScaleProgress progress, CancellationToken cancellation)
    {
        if (request.Project is { } imported)
        {
            RequireEngines(request);
            return [ImportedPoint.Prepare(request, imported, progress)];
        }

        var points = new List<ScalePoint>();
        var wanted = request.Sources.Select(s => (Sources: s, LargeFiles: 0, Variants: request.VariantsOf(s), Peers: request.PeersOf(s))).ToList();
        if (request.Tools is null && request.LargeFiles > 0 && request.Sources.Count > 0 && JudgedByPeakRss(request.Variants) && HashingVariants(request.Variants) is { Count: > 1 } hashing)
        {
            wanted.Add((request.Sources.Min(), request.LargeFiles, hashing, []));
        }

        RequireEngines(request);
        var step = 0;
        foreach (var (sources, largeFiles, variants, peers) in wanted)
        {
            cancellation.ThrowIfCancellationRequested();
            var options = ProjectCache.Options(request.ProjectsDirectory, request.Shape, sources, request.Seed, largeFiles);
            progress.Step($"generating {options.ToCommandLine()}", ++step, wanted.Count);
            var project = ProjectCache.Ensure(options, cancellation: cancellation);
            if (project.Reused)
            {
                progress.Note($"reusing the project generated earlier in {project.Directory}");
            }

            var tools = request.Tools is { } given ? [.. given] : new List<MeasuredTool>(variants.Select(v => new EngineTool(request.Engine, v, request.EngineStandIns)));
            var skipped = new List<(PeerTool, string)>();
            if (largeFiles == 0)
            {
                foreach (var left in request.Peers.Except(peers).Select(PeerTool.Find).OfType<PeerTool>())
                {
                    skipped.Add((left, $"not measured at {CountParser.Format(sources)} sources (--peers-at {CountParser.Format(sources)}={string.Join(',', peers)})"));
                }
            }

            foreach (var peer in peers.Select(name => PeerTool.Find(name) ?? throw new MeasurementException($"--peers: unknown peer '{name}'; valid peers: {string.Join(", ", PeerTool.Names)}")))
            {
                if (peer.WhySkipped() is { } reason)
                {
                    skipped.Add((peer, reason));
                }
                else
                {
                    tools.Add(peer);
                }
            }

            points.Add(new ScalePoint(sources, largeFiles, project, new BuildTree(project.Directory), tools, skipped));
        }

        return points;
    }

    /// <summary>A missing engine program is found before anything is generated or copied.</summary>
    private static void RequireEngines(ScaleRequest request)
    {
        var engines = request.Tools?.OfType<EngineTool>().ToArray() ?? [new EngineTool(request.Engine, BaselineVariant.VariantName, request.EngineStandIns)];
        foreach (var engine in engines.DistinctBy(e => e.Name))
        {
            if (engine.WhySkipped() is { } engineProblem)
            {
                throw new MeasurementException($"cannot measure the engine as a whole process: {engineProblem}");
            }
        }
    }

    /// <summary>
    /// A point's record. A generated project's counts are the generator's; an imported one's nodes and edges are
    /// the engine's own graph after its scan (what bytes per node divide by), from the footprint runs when any ran.
    /// </summary>
    private static ProjectRecord Record(ScalePoint point, IReadOnlyList<RunRecord> runs)
    {
        var counts = point.Project.Counts;
        var (nodes, edges) = (counts.Nodes, counts.Edges);
        if (point.Imported is not null && runs.FirstOrDefault(r => r.Sources == point.Sources)?.Footprint is { } footprint)
        {
            (nodes, edges) = (footprint.Nodes, footprint.Edges);
        }

        return new ProjectRecord(point.Sources, nodes, edges, counts.Headers, counts.DerivedFiles, point.Project.GenerateSeconds, point.Project.Reused, point.LargeFiles);
    }

    private static ImportedProjectRecord ImportedRecord(ImportedProject project, ScalePoint point, IReadOnlyList<RunRecord> runs)
    {
        var record = Record(point, runs);
        var counts = point.Project.Counts;
        return new ImportedProjectRecord(project.Directory, project.Importer, project.Input, project.Root, project.PeerDirectory, point.Project.Directory, record.Nodes, record.Edges, project.Files.Statements, counts.Sources, counts.Headers, counts.DerivedFiles, point.Imported!.Missing);
    }

    private static ScaleOptionsRecord Options(ScaleRequest request)
    {
        static string Key(int sources) => sources.ToString(CultureInfo.InvariantCulture);
        var peers = request.Peers.Count == 0 ? "none" : request.Peers.SequenceEqual(PeerTool.Names) ? "auto" : string.Join(',', request.Peers);
        return new ScaleOptionsRecord(
            request.Project is null ? ProjectShapes.Name(request.Shape) : null,
            request.Project is null ? request.Seed : null,
            request.Project is null ? request.Sources : [ImportedPoint.Size(request.Project)],
            request.Variants,
            request.Repeat,
            peers,
            request.DryRun,
            request.Warmup,
            "williams",
            request.Engine.CommandLine,
            request.EngineStandIns ? "stand-ins" : "builtin",
            request.Jobs,
            request.Project is null ? request.LargeFiles : 0,
            request.VariantsAt.ToDictionary(p => Key(p.Key), p => p.Value),
            request.PeersAt.ToDictionary(p => Key(p.Key), p => p.Value),
            request.Engine.DescribeBinary());
    }
}
