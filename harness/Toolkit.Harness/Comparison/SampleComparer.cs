using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Compares two samples of one metric. The verdict is read from one interval only, the exact 95%
/// Mann-Whitney interval of B/A on the log scale (<see cref="ChangeRule"/>, the same rule as the
/// pages'): "worse" when it lies wholly beyond the threshold on the worse side, "better" on the better
/// side, "same" when it lies within ±threshold, "no measurable difference" otherwise, "too few runs"
/// when the samples cannot give an interval (3 against 3). So a verdict never contradicts the interval
/// printed beside it. The one-sided p-values are the rank tests of "B/A beyond the threshold" that the
/// interval inverts (p below 0.025 exactly when the interval excludes that side). Medians are
/// Harrell-Davis estimates (Perfolizer), for display.
/// </summary>
public sealed class SampleComparer
{
    /// <summary>Significance level of each one-sided test: the 95% two-sided interval leaves 2.5% on each side.</summary>
    public const double DefaultAlpha = (1 - ShiftInterval.Confidence) / 2;

    /// <summary>Creates a comparer with a relative threshold in percent (0 or more).</summary>
    public SampleComparer(double thresholdPercent)
    {
        if (!(thresholdPercent >= 0) || double.IsInfinity(thresholdPercent))
        {
            throw new ArgumentException($"threshold: {thresholdPercent}% is not a percentage of 0 or more", nameof(thresholdPercent));
        }

        ThresholdPercent = thresholdPercent;
    }

    /// <summary>The relative threshold, percent.</summary>
    public double ThresholdPercent { get; }

    /// <summary>True when samples of these sizes can never give an interval at 95%.</summary>
    public bool TooFew(int countA, int countB) => !ShiftInterval.CanDecide(countA, countB);

    /// <summary>Compares A (reference) and B (candidate).</summary>
    public SampleComparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, bool smallerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var medianA = Median(a);
        var medianB = Median(b);
        var positive = a.Count > 0 && b.Count > 0 && a.All(v => v > 0) && b.All(v => v > 0);
        if (!positive)
        {
            // A ratio needs positive values (an empty sample, a zero count): nothing can be claimed.
            var ratio = medianA != 0 ? medianB / medianA : double.NaN;
            return new SampleComparison(a.Count, b.Count, medianA, medianB, ratio, double.NaN, double.NaN, double.NaN, double.NaN, a.Count == 0 || b.Count == 0 || TooFew(a.Count, b.Count) ? Verdict.TooFewSamples : Verdict.NoMeasurableDifference);
        }

        var threshold = ThresholdPercent / 100;
        var change = ChangeRule.Judge(a, b, threshold);
        var shift = Math.Log(1 + threshold);
        var pLarger = ShiftInterval.PValueAbove(a, b, shift, logarithmic: true);
        var pSmaller = ShiftInterval.PValueAbove(b, a, shift, logarithmic: true);
        var verdict = change.Kind switch
        {
            ChangeKind.TooFewRuns => Verdict.TooFewSamples,
            ChangeKind.WithinThreshold => Verdict.Same,
            ChangeKind.Larger => smallerIsBetter ? Verdict.Worse : Verdict.Better,
            ChangeKind.Smaller => smallerIsBetter ? Verdict.Better : Verdict.Worse,
            _ => Verdict.NoMeasurableDifference,
        };
        return new SampleComparison(
            a.Count,
            b.Count,
            medianA,
            medianB,
            change.Ratio.Value,
            change.Ratio.HasInterval ? change.Ratio.Lower : double.NaN,
            change.Ratio.HasInterval ? change.Ratio.Upper : double.NaN,
            smallerIsBetter ? pLarger : pSmaller,
            smallerIsBetter ? pSmaller : pLarger,
            verdict);
    }

    private static double Median(IReadOnlyList<double> values) =>
        values.Count == 0 ? double.NaN : HarrellDavisQuantileEstimator.Instance.Quantile(new Perfolizer.Sample(values.ToArray()), Probability.Median);
}
