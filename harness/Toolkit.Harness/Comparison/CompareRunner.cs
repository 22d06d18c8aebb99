using System.Globalization;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// The body of <c>toolkit compare</c>: collects the cases (from two files, or by measuring two
/// variants now in interleaved fresh child processes), prints the tables and decides the exit code.
/// Bad input is an exception deriving from <see cref="UserErrorException"/> (a damaged results file,
/// nothing in common, a bad request); the CLI prints it as one line.
/// </summary>
public static class CompareRunner
{
    /// <summary>Runs a request; writes tables to <paramref name="output"/> and warnings and progress to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(CompareRequest request, TextWriter output, TextWriter error, FootprintChildRunner? children = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (cases, nameA, nameB) = request.Variants is null ? FromFiles(request) : Measure(request, children ?? FootprintChildRunner.ForThisToolkit(), error, cancellation);
        var report = ComparisonReport.Create(cases, new SampleComparer(request.ThresholdPercent));
        ComparisonTableWriter.Write(output, report, nameA, nameB);
        foreach (var row in report.Undecided.Take(1))
        {
            error.WriteLine($"toolkit: warning: some metrics have too few runs for a verdict (e.g. {row.Metric.Name} of {row.Case.Label}: {row.Result.CountA} and {row.Result.CountB}); measure more runs");
        }

        if (request.FailOnRegressionPercent is not { } percent)
        {
            return ExitCodes.Success;
        }

        var gate = ComparisonReport.Create(cases, new SampleComparer(percent));
        foreach (var row in gate.Regressions)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"toolkit: regression: {row.Metric.Name} of {row.Case.Label} at {row.Case.Sources} sources is worse by more than {percent:0.##}% (B/A {row.Result.Ratio:0.000}, p {row.Result.PWorse:0.0000})"));
        }

        return gate.Regressions.Count > 0 ? ExitCodes.Regression : ExitCodes.Success;
    }

    private static (IReadOnlyList<ComparisonCase> Cases, string NameA, string NameB) FromFiles(CompareRequest request)
    {
        if (request.FileA is null || request.FileB is null)
        {
            throw new ComparisonException("compare needs two results files (A.json B.json) or --variants X,Y");
        }

        var a = ResultsFile.Read(request.FileA);
        var b = ResultsFile.Read(request.FileB);
        return (CasePairing.FromFiles(a, b, request.FileA, request.FileB), $"{request.FileA} ({a.Toolkit.GitCommit})", $"{request.FileB} ({b.Toolkit.GitCommit})");
    }

    private static (IReadOnlyList<ComparisonCase> Cases, string NameA, string NameB) Measure(CompareRequest request, FootprintChildRunner children, TextWriter error, CancellationToken cancellation)
    {
        if (request.Variants is not { Count: 2 } variants)
        {
            throw new ComparisonException($"--variants: give exactly two variants, as X,Y; got {request.Variants?.Count ?? 0}");
        }

        if (VariantFactory.Default.FindUnknown(variants) is { } unknown)
        {
            throw new ComparisonException("--variants: " + unknown);
        }

        if (request.Repeat < 1)
        {
            throw new ComparisonException($"--repeat: {request.Repeat} must be 1 or more");
        }

        var options = ProjectCache.Options(request.ProjectsDirectory, request.Shape, request.Sources, request.Seed);
        var project = ProjectCache.Ensure(options);
        error.WriteLine(project.Reused ? $"toolkit: reusing the project generated earlier in {project.Directory}" : $"toolkit: generated {options.ToCommandLine()} into {project.Directory}");
        var runs = new[] { new List<FootprintRecord>(), new List<FootprintRecord>() };
        for (var repetition = 0; repetition < request.Repeat; repetition++)
        {
            // Interleaved, and the order flips each repetition (A B, B A, ...) so drift in the
            // machine's state (thermal, page cache) does not favour one variant.
            for (var k = 0; k < 2; k++)
            {
                var which = repetition % 2 == 0 ? k : 1 - k;
                error.WriteLine($"toolkit: run {repetition + 1}/{request.Repeat}: {variants[which]}");
                runs[which].Add(children.Run(project.Directory, variants[which], request.DryRun, clean: !request.DryRun, cancellation));
            }
        }

        var label = CasePairing.FromVariants(variants[0], variants[1], request.Sources, runs[0], runs[1]);
        return ([label], $"variant {variants[0]}", $"variant {variants[1]}");
    }
}
