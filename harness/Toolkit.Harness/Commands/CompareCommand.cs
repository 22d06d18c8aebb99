using System.CommandLine;
using Toolkit.Harness.Comparison;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit compare A.json B.json</c> or <c>toolkit compare --variants X,Y --sources N</c>: one table
/// per metric with medians, the ratio B/A and its confidence interval, and a verdict (same, better,
/// worse, too few samples) from Mann-Whitney tests with a relative threshold. Exit codes: 0 compared,
/// 1 bad input, 3 a regression beyond --fail-on-regression.
/// </summary>
public static class CompareCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Two results files of toolkit scale: A (reference) and B (candidate)", Arity = ArgumentArity.ZeroOrMore };
        var variants = new Option<string?>("--variants") { Description = "Measure two variants now instead, as X,Y (X is A, Y is B)" };
        var sources = new Option<string>("--sources") { Description = "With --variants: project size (10k, 1M understood)", DefaultValueFactory = _ => "1k" };
        var repeat = new Option<int>("--repeat") { Description = "With --variants: fresh child processes per variant, interleaved", DefaultValueFactory = _ => 5 };
        var shape = new Option<string>("--shape") { Description = "With --variants: the generated project's shape", DefaultValueFactory = _ => "c-libraries" };
        var seed = new Option<int>("--seed") { Description = "With --variants: the generator's seed", DefaultValueFactory = _ => 1 };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "With --variants: measure dry runs instead of full builds" };
        var projects = new Option<DirectoryInfo?>("--projects") { Description = "With --variants: where generated projects are cached (default: the temp directory)" };
        var threshold = new Option<double?>("--threshold") { Description = $"Relative threshold of the verdicts, percent: smaller differences are 'same' (default {CompareRequest.DefaultThresholdPercent}, or the --fail-on-regression value)" };
        var failOn = new Option<double?>("--fail-on-regression") { Description = "Exit with code 3 when any metric of B is worse than A by more than this percent and the test says it is not noise" };
        var command = new Command("compare", "Compare two results files, or two variants measured now, metric by metric with a statistical verdict")
        {
            files, variants, sources, repeat, shape, seed, dryRun, projects, threshold, failOn,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandRunner.Run(() =>
        {
            var paths = parse.GetValue(files) ?? [];
            var variantList = parse.GetValue(variants) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
            if (variantList is null && paths.Length != 2)
            {
                throw new UsageException($"compare: give two results files (A.json B.json) or --variants X,Y; got {paths.Length} files");
            }

            if (variantList is not null && paths.Length != 0)
            {
                throw new UsageException("compare: give either two results files or --variants, not both");
            }

            var request = new CompareRequest
            {
                FileA = paths.ElementAtOrDefault(0),
                FileB = paths.ElementAtOrDefault(1),
                Variants = variantList,
                Sources = CountParser.Parse(parse.GetValue(sources) ?? "1k", "--sources"),
                Repeat = parse.GetValue(repeat),
                Shape = parse.GetValue(shape) ?? "c-libraries",
                Seed = parse.GetValue(seed),
                DryRun = parse.GetValue(dryRun),
                ProjectsDirectory = parse.GetValue(projects)?.FullName ?? Path.Combine(Path.GetTempPath(), "toolkit", "projects"),
                ThresholdPercent = parse.GetValue(threshold) ?? parse.GetValue(failOn) ?? CompareRequest.DefaultThresholdPercent,
                FailOnRegressionPercent = parse.GetValue(failOn),
            };
            return CompareRunner.Run(request, Console.Out, Console.Error, cancellation: cancellation);
        })));
        return command;
    }
}
