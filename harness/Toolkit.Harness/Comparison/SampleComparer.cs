using Perfolizer;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Compares two samples of one metric with Perfolizer. Medians are Harrell-Davis estimates, each with
/// its confidence interval; the ratio B/A gets the interval [lowB/highA, highB/lowA], each median's
/// interval taken at sqrt(level) so that both cover together with at least the stated level. The
/// verdict comes from two one-sided Mann-Whitney tests against a relative threshold t: "worse" when B
/// is shown larger than A·(1+t) (for a metric where smaller is better), "better" when A is shown larger
/// than B·(1+t), "same" otherwise. When the samples are so small that even complete separation cannot
/// give a p-value below alpha (1 / C(n+m, n) &gt;= alpha, e.g. 3 against 3 at 0.05), the verdict is
/// "too few samples" instead of a guess.
/// </summary>
public sealed class SampleComparer
{
    /// <summary>Default significance level of each one-sided test.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>Default confidence level of the ratio's interval.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// Smallest sample for a Harrell-Davis interval: with one value there is no spread to estimate.
    /// </summary>
    private const int MinSampleForInterval = 2;

    private readonly Threshold _threshold;
    private readonly double _alpha;
    private readonly ConfidenceLevel _medianLevel;

    /// <summary>Creates a comparer with a relative threshold in percent (0 or more).</summary>
    public SampleComparer(double thresholdPercent, double alpha = DefaultAlpha, double confidence = DefaultConfidence)
    {
        if (!(thresholdPercent >= 0) || double.IsInfinity(thresholdPercent))
        {
            throw new ArgumentException($"threshold: {thresholdPercent}% is not a percentage of 0 or more", nameof(thresholdPercent));
        }

        if (!(alpha is > 0 and < 1) || !(confidence is > 0 and < 1))
        {
            throw new ArgumentException($"alpha ({alpha}) and confidence ({confidence}) must be between 0 and 1");
        }

        ThresholdPercent = thresholdPercent;
        _threshold = thresholdPercent == 0 ? Threshold.Zero : new Threshold(PercentValue.Of(thresholdPercent));
        _alpha = alpha;
        _medianLevel = new ConfidenceLevel(Math.Sqrt(confidence));
    }

    /// <summary>The relative threshold, percent.</summary>
    public double ThresholdPercent { get; }

    /// <summary>
    /// True when samples of these sizes can never give a p-value below alpha: the smallest one-sided
    /// Mann-Whitney p-value, reached when the samples do not overlap at all, is 1 / C(n+m, n).
    /// </summary>
    public bool TooFew(int countA, int countB)
    {
        if (countA < MinSampleForInterval || countB < MinSampleForInterval)
        {
            return true;
        }

        // C(n+m, n) grows fast; stop as soon as it exceeds 1/alpha.
        var combinations = 1.0;
        var small = Math.Min(countA, countB);
        var total = countA + countB;
        for (var i = 1; i <= small && combinations * _alpha <= 1; i++)
        {
            combinations = combinations * (total - small + i) / i;
        }

        return 1 / combinations >= _alpha;
    }

    /// <summary>Compares A (reference) and B (candidate).</summary>
    public SampleComparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, bool smallerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (medianA, lowA, highA) = Median(a);
        var (medianB, lowB, highB) = Median(b);
        var ratio = medianA != 0 ? medianB / medianA : double.NaN;
        var ratioLower = lowA > 0 && highA > 0 && lowB >= 0 ? lowB / highA : double.NaN;
        var ratioUpper = lowA > 0 && highA > 0 && lowB >= 0 ? highB / lowA : double.NaN;
        var pWorse = double.NaN;
        var pBetter = double.NaN;
        Verdict verdict;
        if (TooFew(a.Count, b.Count))
        {
            verdict = Verdict.TooFewSamples;
        }
        else
        {
            var sampleA = new Sample(a.ToArray());
            var sampleB = new Sample(b.ToArray());
            var (larger, smaller) = smallerIsBetter ? (sampleB, sampleA) : (sampleA, sampleB);
            pWorse = MannWhitneyTest.Instance.GetPValue(larger, smaller, AlternativeHypothesis.Greater, _threshold);
            pBetter = MannWhitneyTest.Instance.GetPValue(smaller, larger, AlternativeHypothesis.Greater, _threshold);
            verdict = pWorse < _alpha ? Verdict.Worse : pBetter < _alpha ? Verdict.Better : Verdict.Same;
        }

        return new SampleComparison
        {
            CountA = a.Count,
            CountB = b.Count,
            MedianA = medianA,
            MedianB = medianB,
            Ratio = ratio,
            RatioLower = ratioLower,
            RatioUpper = ratioUpper,
            PWorse = pWorse,
            PBetter = pBetter,
            Verdict = verdict,
        };
    }

    private (double Median, double Lower, double Upper) Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var sample = new Sample(values.ToArray());
        var median = HarrellDavisQuantileEstimator.Instance.Quantile(sample, Probability.Median);
        if (values.Count < MinSampleForInterval)
        {
            return (median, double.NaN, double.NaN);
        }

        var interval = HarrellDavisQuantileEstimator.Instance
            .QuantileConfidenceIntervalEstimator(sample, Probability.Median)
            .ConfidenceInterval(_medianLevel);
        return (median, interval.Lower, interval.Upper);
    }
}
