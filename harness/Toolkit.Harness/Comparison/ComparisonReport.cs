namespace Toolkit.Harness.Comparison;

/// <summary>Every metric of every case compared with one <see cref="SampleComparer"/>, and the names of A and B.</summary>
public sealed class ComparisonReport
{
    private ComparisonReport(IReadOnlyList<ComparisonRow> rows, double thresholdPercent, string nameA, string nameB)
    {
        Rows = rows;
        ThresholdPercent = thresholdPercent;
        NameA = nameA;
        NameB = nameB;
    }

    /// <summary>The rows, metric by metric, then case by case.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The relative threshold the verdicts used, percent.</summary>
    public double ThresholdPercent { get; }

    /// <summary>What A is (a file and its commit, a variant, a ref).</summary>
    public string NameA { get; }

    /// <summary>What B is.</summary>
    public string NameB { get; }

    /// <summary>Compares every sample, metric by metric (in the order the metrics first appear).</summary>
    public static ComparisonReport Create(IReadOnlyList<ComparisonSample> samples, SampleComparer comparer, string nameA = "A", string nameB = "B")
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(comparer);
        var order = samples.Select(s => s.Metric.Name).Distinct().ToList();
        var rows = samples
            .OrderBy(s => order.IndexOf(s.Metric.Name))
            .Select(s => new ComparisonRow(s, comparer.Compare(s.A, s.B, s.Metric.SmallerIsBetter)))
            .ToArray();
        return new ComparisonReport(rows, comparer.ThresholdPercent, nameA, nameB);
    }

    /// <summary>The rows where B is worse than A beyond the threshold.</summary>
    public IReadOnlyList<ComparisonRow> Regressions => Rows.Where(r => r.Result.Verdict == Verdict.Worse).ToArray();

    /// <summary>The rows where no verdict could be reached for want of runs.</summary>
    public IReadOnlyList<ComparisonRow> Undecided => Rows.Where(r => r.Result.Verdict == Verdict.TooFewSamples).ToArray();
}
