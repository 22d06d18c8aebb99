using System.Globalization;
using Toolkit.Engine.Build;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Scaling;

/// <summary>
/// The scaling benchmark (docs/measuring.md): generates each project once (<see cref="ProjectCache"/>:
/// reused while its generated.json matches), then measures every (variant, size) in a fresh child process per run,
/// repeated and interleaved (each repetition walks the variants in a rotated order, so drift in the
/// machine hits all variants alike), then the peers' dry runs under GNU time on the cleaned trees.
/// </summary>
public sealed class ScaleRunner
{
    private readonly FootprintChildRunner _children;

    /// <summary>Creates a runner that starts children with <paramref name="children"/>.</summary>
    public ScaleRunner(FootprintChildRunner children)
    {
        _children = children;
    }

    /// <summary>Runs the whole benchmark.</summary>
    public ScaleResults Run(ScaleRequest request, IScaleProgress progress, CancellationToken cancellation)
    {
        var projects = new List<ProjectRecord>();
        var directories = new Dictionary<int, string>();
        var peerTools = request.Peers ? PeerTool.All : [];
        var peersAvailable = peerTools.Where(t => PeerMeasurer.WhySkipped(t) is null).ToList();
        var steps = request.Sources.Count + (request.Sources.Count * request.Variants.Count * request.Repeat) + (request.Sources.Count * peersAvailable.Count * request.Repeat);
        var step = 0;

        foreach (var sources in request.Sources)
        {
            cancellation.ThrowIfCancellationRequested();
            var options = ProjectCache.Options(request.ProjectsDirectory, request.Shape, sources, request.Seed);
            progress.Step($"generating {ProjectShapes.Name(request.Shape)} {sources:N0} sources", ++step, steps);
            var project = ProjectCache.Ensure(options);
            var counts = project.Counts;
            projects.Add(new ProjectRecord(sources, counts.Nodes, counts.Edges, counts.Headers, counts.DerivedFiles, project.GenerateSeconds, project.Reused));
            if (project.Reused)
            {
                progress.Note($"reusing the project generated earlier in {project.Directory}");
            }

            directories[sources] = project.Directory;
        }

        var runs = new List<RunRecord>();
        var sequence = 0;
        for (var repetition = 0; repetition < request.Repeat; repetition++)
        {
            foreach (var sources in request.Sources)
            {
                for (var i = 0; i < request.Variants.Count; i++)
                {
                    var variant = request.Variants[(i + repetition) % request.Variants.Count];
                    progress.Step($"{sources:N0} sources, {variant}, run {repetition + 1} of {request.Repeat}", ++step, steps);
                    var footprint = _children.Run(directories[sources], variant, request.DryRun, clean: !request.DryRun, cancellation);
                    runs.Add(new RunRecord(sources, variant, repetition, sequence++, footprint));
                }
            }
        }

        if (peersAvailable.Count > 0)
        {
            // The variants' runs leave each tree built; the peers see it clean, as a first build would.
            foreach (var directory in directories.Values)
            {
                Project.Open(directory, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false }).Clean();
            }
        }

        var peers = new List<PeerRecord>();
        foreach (var tool in peerTools)
        {
            var skipped = PeerMeasurer.WhySkipped(tool);
            if (skipped is not null)
            {
                progress.Note($"skipping {tool.Name}: {skipped}");
            }

            foreach (var sources in request.Sources)
            {
                if (skipped is not null)
                {
                    peers.Add(new PeerRecord(tool.Name, sources, tool.CommandLine, skipped, []));
                    continue;
                }

                var peerRuns = new List<PeerRun>();
                for (var repetition = 0; repetition < request.Repeat; repetition++)
                {
                    progress.Step($"{sources:N0} sources, {tool.CommandLine}, run {repetition + 1} of {request.Repeat}", ++step, steps);
                    peerRuns.Add(PeerMeasurer.Run(tool, directories[sources], cancellation));
                }

                peers.Add(new PeerRecord(tool.Name, sources, tool.CommandLine, null, peerRuns));
            }
        }

        return new ScaleResults
        {
            SchemaVersion = ScaleResults.CurrentSchemaVersion,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Toolkit = MachineProbe.Toolkit(),
            Machine = MachineProbe.Describe(),
            Options = new ScaleOptionsRecord(ProjectShapes.Name(request.Shape), request.Seed, request.Sources, request.Variants, request.Repeat, request.Peers ? "auto" : "none", request.DryRun),
            Projects = projects,
            Runs = runs,
            Peers = peers,
        };
    }
}
