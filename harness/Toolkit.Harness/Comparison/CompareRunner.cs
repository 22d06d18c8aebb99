using System.Globalization;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.Harness.Scaling;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// The body of <c>toolkit compare</c>: collects the samples (from two files, or by measuring two variants
/// or two git refs now, interleaved, each after a warm-up run), writes the report in the asked format and
/// decides the exit code: 0 no regression, 3 a regression beyond --fail-on-regression, 1 for bad input or
/// a gate that cannot decide (too few runs for an interval). Bad input is an exception deriving from
/// <see cref="UserErrorException"/>; the CLI prints it as one line.
/// </summary>
public static class CompareRunner
{
    /// <summary>Runs a request; writes the report to <paramref name="output"/> and warnings and progress to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(CompareRequest request, TextWriter output, TextWriter error, FootprintChildRunner? children = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (request.Verdicts)
        {
            return Verdicts(request, output);
        }

        var (samples, nameA, nameB) = request.Refs is not null ? Refs(request, error, cancellation)
            : request.Variants is not null ? Measure(request, children ?? FootprintChildRunner.ForThisToolkit(), error, cancellation)
            : FromFiles(request);
        var report = ComparisonReport.Create(samples, new SampleComparer(request.ThresholdPercent), nameA, nameB);
        var code = ExitCodes.Success;
        ComparisonReport? gate = null;
        if (request.FailOnRegressionPercent is { } percent)
        {
            gate = ComparisonReport.Create(samples, new SampleComparer(percent), nameA, nameB);
            if (gate.Undecided.Count > 0)
            {
                var row = gate.Undecided[0];
                throw new ComparisonException(string.Create(CultureInfo.InvariantCulture, $"--fail-on-regression cannot decide: {row.Metric.Name} of {row.Sample.Label} at {row.Sample.Sources} sources has {row.Result.CountA} and {row.Result.CountB} runs, too few for a 95% interval ({Reporting.Statistics.ShiftInterval.FewestRuns()} a side at least); measure more runs (--repeat)"));
            }

            code = gate.Regressions.Count > 0 ? ExitCodes.Regression : ExitCodes.Success;
        }

        ComparisonWriter.Write(output, report, request.Format, code);
        foreach (var row in report.Undecided.Take(1))
        {
            error.WriteLine($"toolkit: warning: some metrics have too few runs for a verdict (e.g. {row.Metric.Name} of {row.Sample.Label}: {row.Result.CountA} and {row.Result.CountB}); measure more runs");
        }

        foreach (var row in gate?.Regressions ?? [])
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"toolkit: regression: {row.Metric.Name} of {row.Sample.Label} at {row.Sample.Sources} sources is worse by more than {request.FailOnRegressionPercent:0.##}% (B/A {row.Result.Ratio:0.000}, 95% CI [{row.Result.RatioLower:0.000}, {row.Result.RatioUpper:0.000}])"));
        }

        return code;
    }

    private static int Verdicts(CompareRequest request, TextWriter output)
    {
        if (request.FileA is null || request.FileB is null)
        {
            throw new ComparisonException("--verdicts needs two results files: A.json B.json");
        }

        var a = ResultsFile.Read(request.FileA);
        var b = ResultsFile.Read(request.FileB);
        var rows = VerdictAgreement.Rows(a, b);
        if (rows.Count == 0)
        {
            throw new ComparisonException($"{request.FileA} and {request.FileB} share no optimization measured beside baseline at the same size, so they have no verdicts to set side by side");
        }

        VerdictAgreement.Write(output, rows, $"{request.FileA} ({a.Toolkit.GitCommit})", $"{request.FileB} ({b.Toolkit.GitCommit})", request.Format);
        return ExitCodes.Success;
    }

    private static (IReadOnlyList<ComparisonSample> Samples, string NameA, string NameB) FromFiles(CompareRequest request)
    {
        if (request.FileA is null || request.FileB is null)
        {
            throw new ComparisonException("compare needs two results files (A.json B.json), --variants X,Y or --refs A,B");
        }

        var a = ResultsFile.Read(request.FileA);
        var b = ResultsFile.Read(request.FileB);
        return (CasePairing.FromFiles(a, b, request.FileA, request.FileB), $"{request.FileA} ({a.Toolkit.GitCommit})", $"{request.FileB} ({b.Toolkit.GitCommit})");
    }

    private static (IReadOnlyList<ComparisonSample> Samples, string NameA, string NameB) Measure(CompareRequest request, FootprintChildRunner children, TextWriter error, CancellationToken cancellation)
    {
        if (request.Variants is not { Count: 2 } variants || variants[0] == variants[1])
        {
            throw new ComparisonException($"--variants: give exactly two different variants, as X,Y; got {string.Join(",", request.Variants ?? [])}");
        }

        if (Optimizations.VariantFactory.Default.FindUnknown(variants) is { } unknown)
        {
            throw new ComparisonException("--variants: " + unknown);
        }

        var results = new ScaleRunner(children).Run(request.ToScaleRequest(variants), new ProgressLines(error), cancellation);
        return (CasePairing.FromVariants(results, variants[0], variants[1]), $"variant {variants[0]}", $"variant {variants[1]}");
    }

    private static (IReadOnlyList<ComparisonSample> Samples, string NameA, string NameB) Refs(CompareRequest request, TextWriter error, CancellationToken cancellation)
    {
        var (results, toolA, toolB, nameA, nameB) = RefsComparison.Run(request, error, cancellation);
        return (CasePairing.FromTools(results, toolA, toolB, request.Variant), nameA, nameB);
    }
}
