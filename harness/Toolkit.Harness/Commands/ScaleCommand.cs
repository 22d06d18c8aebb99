using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Results;
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
        var sources = CommonOptions.SourcesList("Sizes, in sources, comma-separated (e.g. 1k,10k,100k)", ScaleRequest.DefaultSources);
        var variants = CommonOptions.Variants(variantList, "'all' or a comma-separated list of variants (baseline is always measured: savings are against it)", allowAll: true);
        variants.DefaultValueFactory = _ => variantList.Names;
        variants.ShowDefaultAs("all");
        var shape = CommonOptions.Shape("The generated projects' shape");
        var seed = CommonOptions.Seed("The generator's seed");
        var repeat = CommonOptions.Repeat("Fresh processes per (variant, size)", ScaleRequest.DefaultRepeat);
        var noPeers = new Option<bool>("--no-peers") { Description = $"Do not measure the peers ({string.Join(", ", PeerTool.All.Select(t => t.Name))}); by default each is measured when it is on PATH" };
        var output = CommonOptions.OutDirectory("Where to write the results file and the pages", "results");
        var projects = CommonOptions.Projects("Where generated projects are kept and reused");
        var dryRun = CommonOptions.DryRun("Measure dry runs instead of full builds");
        var command = new Command("scale", "Measure memory and time against graph size for every variant and the peers; write results JSON and pages")
        {
            sources, variants, shape, seed, repeat, noPeers, output, projects, dryRun,
        };
        command.SetAction((parse, cancellation) =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            UserPaths.Io("--out " + outDirectory, () => outDirectory.Create());
            var request = new ScaleRequest
            {
                Sources = [.. parse.GetRequiredValue(sources).Distinct()],
                Variants = WithBaseline(parse.GetRequiredValue(variants)),
                Shape = parse.GetValue(shape),
                Seed = parse.GetValue(seed),
                Repeat = parse.GetValue(repeat),
                Peers = !parse.GetValue(noPeers),
                DryRun = parse.GetValue(dryRun),
                ProjectsDirectory = parse.GetRequiredValue(projects).FullName,
            };
            var results = Run(request, cancellation);
            var file = Path.Join(outDirectory.FullName, $"scale-{ProjectShapes.Name(request.Shape)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
            ResultsFile.Write(file, results);
            var pages = UserPaths.Io("--out " + outDirectory, () => ReportGenerator.Write(results, outDirectory.FullName, new EmbeddedSourceExcerpts(), variantList));
            Output.Line($"toolkit: wrote {file}");
            Output.Line($"toolkit: wrote {pages.Count} pages and charts in {outDirectory.FullName} (start at {Path.Join(outDirectory.FullName, "README.md")})");
            return Task.FromResult(ExitCodes.Success);
        });
        return command.WithExamples(
            "toolkit scale",
            "toolkit scale --sources 1k,10k,100k --repeat 5 --out results",
            "toolkit scale --variants slots,interning --sources 10k --no-peers -n");
    }

    /// <summary>Every saving is measured against the baseline, so it is measured even when not asked for.</summary>
    private static List<string> WithBaseline(IReadOnlyList<string> names)
    {
        var list = names.ToList();
        if (!list.Contains(BaselineVariant.VariantName))
        {
            list.Insert(0, BaselineVariant.VariantName);
        }

        return list;
    }

    private static ScaleResults Run(ScaleRequest request, CancellationToken cancellation)
    {
        var runner = new ScaleRunner(FootprintChildRunner.ForThisToolkit());
        if (!Output.IsInteractive)
        {
            return runner.Run(request, new PlainScaleProgress(), cancellation);
        }

        ScaleResults results = null!;
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
