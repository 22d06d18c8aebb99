namespace Toolkit.Harness.Comparison;

/// <summary>Every metric of every case compared with one <see cref="SampleComparer"/>.</summary>
public sealed class ComparisonReport
{
    private ComparisonReport(IReadOnlyList<ComparisonRow> rows, double thresholdPercent)
    {
        Rows = rows;
        ThresholdPercent = thresholdPercent;
    }

    /// <summary>The rows, metric by metric (in <see cref="ComparisonMetric.All"/> order), then case by case.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The relative threshold the verdicts used, percent.</summary>
    public double ThresholdPercent { get; }

    /// <summary>Compares every metric of every case.</summary>
    public static ComparisonReport Create(IReadOnlyList<ComparisonCase> cases, SampleComparer comparer, IReadOnlyList<ComparisonMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(comparer);
        var rows = new List<ComparisonRow>();
        foreach (var metric in metrics ?? ComparisonMetric.All)
        {
            foreach (var each in cases)
            {
                var a = each.A.Select(metric.Select).ToArray();
                var b = each.B.Select(metric.Select).ToArray();
                rows.Add(new ComparisonRow(metric, each, comparer.Compare(a, b, metric.SmallerIsBetter)));
            }
        }

        return new ComparisonReport(rows, comparer.ThresholdPercent);
    }

    /// <summary>The rows where B is worse than A beyond the threshold.</summary>
    public IReadOnlyList<ComparisonRow> Regressions => Rows.Where(r => r.Result.Verdict == Verdict.Worse).ToArray();

    /// <summary>The rows where no verdict could be reached.</summary>
    public IReadOnlyList<ComparisonRow> Undecided => Rows.Where(r => r.Result.Verdict == Verdict.TooFewSamples).ToArray();
}
