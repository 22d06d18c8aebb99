using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Scaling;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit scale</c>: the main job. Measures how memory and time grow with the graph for every
/// variant (and the peers), writes one JSON results file and the pages generated from it.
/// </summary>
public static class ScaleCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variantList)
    {
        var sources = new Option<string>("--sources") { Description = "Sizes, in sources, comma-separated (e.g. 1k,10k,100k)", DefaultValueFactory = _ => string.Join(',', ScaleRequest.DefaultSources.Select(CountParser.Format)) };
        var variants = new Option<string>("--variants") { Description = $"'all' or a comma-separated list of: {string.Join(", ", variantList.Names)}", DefaultValueFactory = _ => "all" };
        var shape = new Option<string>("--shape") { Description = $"The generated projects' shape: {string.Join(", ", ProjectShapes.ValidNames)}", DefaultValueFactory = _ => "c-libraries" };
        var seed = new Option<int>("--seed") { Description = "The generator's seed", DefaultValueFactory = _ => 1 };
        var repeat = new Option<int>("--repeat") { Description = "Fresh processes per (variant, size)", DefaultValueFactory = _ => ScaleRequest.DefaultRepeat };
        var peers = new Option<string>("--peers") { Description = "auto: measure make, ninja and scons when on PATH; none: skip them", DefaultValueFactory = _ => "auto" };
        peers.AcceptOnlyFromAmong("auto", "none");
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write the results file and the pages", DefaultValueFactory = _ => new DirectoryInfo("results") };
        var projects = new Option<DirectoryInfo>("--projects") { Description = "Where generated projects are kept and reused (default: a folder in the temporary directory)", DefaultValueFactory = _ => new DirectoryInfo(Path.Join(Path.GetTempPath(), "toolkit-scale-projects")) };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Measure dry runs instead of full builds" };
        var command = new Command("scale", "Measure memory and time against graph size for every variant and the peers; write results JSON and pages")
        {
            sources, variants, shape, seed, repeat, peers, output, projects, dryRun,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandRunner.Run(() =>
        {
            if (!ProjectShapes.TryParse(parse.GetValue(shape), out var parsedShape))
            {
                throw new UsageException($"--shape: unknown shape '{parse.GetValue(shape)}'; valid shapes: {string.Join(", ", ProjectShapes.ValidNames)}");
            }

            var request = new ScaleRequest
            {
                Sources = CountParser.ParseList(parse.GetValue(sources) ?? string.Empty, "--sources"),
                Variants = ScaleRequest.ParseVariants(variantList, parse.GetValue(variants) ?? "all"),
                Shape = parsedShape,
                Seed = parse.GetValue(seed),
                Repeat = parse.GetValue(repeat),
                Peers = parse.GetValue(peers) != "none",
                DryRun = parse.GetValue(dryRun),
                ProjectsDirectory = parse.GetRequiredValue(projects).FullName,
            };
            Validate(request);
            var results = Run(request, cancellation);
            var outDirectory = parse.GetRequiredValue(output).FullName;
            Directory.CreateDirectory(outDirectory);
            var file = Path.Join(outDirectory, $"scale-{ProjectShapes.Name(request.Shape)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
            ScaleResultsFile.Write(file, results);
            var pages = ReportGenerator.Write(results, outDirectory, new EmbeddedSourceExcerpts(), variantList);
            Output.Line($"toolkit: wrote {file}");
            Output.Line($"toolkit: wrote {pages.Count} pages and charts in {outDirectory} (start at {Path.Join(outDirectory, "README.md")})");
            return 0;
        })));
        return command;
    }

    private static void Validate(ScaleRequest request)
    {
        if (request.Sources.Count == 0)
        {
            throw new UsageException("--sources: give at least one size");
        }

        foreach (var size in request.Sources)
        {
            if (size is < GeneratorOptions.MinSources or > GeneratorOptions.MaxSources)
            {
                throw new UsageException($"--sources: {size} is out of range ({GeneratorOptions.MinSources} to {GeneratorOptions.MaxSources:N0})");
            }
        }

        if (request.Repeat < 1)
        {
            throw new UsageException($"--repeat: {request.Repeat} must be 1 or more");
        }
    }

    private static Results.ScaleResults Run(ScaleRequest request, CancellationToken cancellation)
    {
        var runner = new ScaleRunner(FootprintChildRunner.ForThisToolkit());
        if (!Output.IsInteractive)
        {
            return runner.Run(request, new PlainScaleProgress(), cancellation);
        }

        Results.ScaleResults results = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                results = runner.Run(request, new SpectreScaleProgress(task), cancellation);
                task.Value = task.MaxValue;
            });
        return results;
    }
}
