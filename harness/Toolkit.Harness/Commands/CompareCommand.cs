using System.CommandLine;
using System.Globalization;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Comparison;
using Toolkit.Optimizations;

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
    public static Command Create(VariantFactory variantList)
    {
        var files = new Argument<string[]>("files") { Description = "Two results files of toolkit scale: A (reference) and B (candidate)", Arity = ArgumentArity.ZeroOrMore };
        var variants = CommonOptions.Variants(variantList, "Measure two variants now instead, as X,Y (X is A, Y is B)", allowAll: false);
        var sources = CommonOptions.Sources("With --variants: the project's size in sources", 1_000);
        var repeat = CommonOptions.Repeat("With --variants: fresh child processes per variant, interleaved", CompareRequest.DefaultRepeat);
        var shape = CommonOptions.Shape("With --variants: the generated project's shape");
        var seed = CommonOptions.Seed("With --variants: the generator's seed");
        var dryRun = CommonOptions.DryRun("With --variants: measure dry runs instead of full builds");
        var projects = CommonOptions.Projects("With --variants: where generated projects are kept and reused");
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Relative threshold of the verdicts, percent: smaller differences are 'same'",
            HelpName = "PERCENT",
            CustomParser = result => OptionParsers.Number("--threshold", 0)(result),
        }.ShowDefaultAs(string.Create(CultureInfo.InvariantCulture, $"{CompareRequest.DefaultThresholdPercent}, or the --fail-on-regression value"));
        var failOn = new Option<double?>("--fail-on-regression")
        {
            Description = "Exit with code 3 when any metric of B is worse than A by more than this percent and the test says it is not noise",
            HelpName = "PERCENT",
            CustomParser = result => OptionParsers.Number("--fail-on-regression", 0)(result),
        };
        var command = new Command("compare", "Compare two results files, or two variants measured now, metric by metric with a statistical verdict")
        {
            files, variants, sources, repeat, shape, seed, dryRun, projects, threshold, failOn,
        };
        command.SetAction((parse, cancellation) =>
        {
            var paths = parse.GetValue(files) ?? [];
            var variantList = parse.GetValue(variants);
            if (variantList is null && paths.Length != 2)
            {
                throw new UsageException($"give two results files (A.json B.json) or --variants X,Y; got {paths.Length} files");
            }

            if (variantList is not null && paths.Length != 0)
            {
                throw new UsageException("give either two results files or --variants, not both");
            }

            if (variantList is not null && variantList.Count != 2)
            {
                throw new UsageException($"--variants: give exactly two variants, as X,Y; got {variantList.Count}");
            }

            var request = new CompareRequest
            {
                FileA = paths.ElementAtOrDefault(0),
                FileB = paths.ElementAtOrDefault(1),
                Variants = variantList,
                Sources = parse.GetValue(sources),
                Repeat = parse.GetValue(repeat),
                Shape = parse.GetValue(shape),
                Seed = parse.GetValue(seed),
                DryRun = parse.GetValue(dryRun),
                ProjectsDirectory = parse.GetRequiredValue(projects).FullName,
                ThresholdPercent = parse.GetValue(threshold) ?? parse.GetValue(failOn) ?? CompareRequest.DefaultThresholdPercent,
                FailOnRegressionPercent = parse.GetValue(failOn),
            };
            return Task.FromResult(CompareRunner.Run(request, Console.Out, Console.Error, cancellation: cancellation));
        });
        return command.WithExamples(
            "toolkit compare results/before.json results/after.json",
            "toolkit compare --variants baseline,optimized --sources 10k --repeat 7 --fail-on-regression 5");
    }
}
