using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Reporting.Judging;

/// <summary>
/// The one rule every verdict of the pages and of <c>toolkit compare</c> follows: a difference is claimed
/// only when the 95% interval of the ratio candidate/reference lies wholly beyond the threshold,
/// above 1+t (larger) or below 1/(1+t) (smaller); an interval within ±t is "within the threshold"; any
/// other interval, one that holds 1 or straddles a bound, is "no measurable difference"; and without
/// enough runs for an interval there is no verdict at all. The interval is the exact Mann-Whitney one
/// of the log-ratio (<see cref="ShiftInterval"/>), so the rule is the two one-sided rank tests at 2.5%
/// each, written as an interval that the pages print beside the verdict.
/// </summary>
public static class ChangeRule
{
    /// <summary>Judges <paramref name="candidate"/> against <paramref name="reference"/> at <paramref name="threshold"/> (a fraction, 0 or more).</summary>
    public static Change Judge(IReadOnlyList<double> reference, IReadOnlyList<double> candidate, double threshold)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        if (reference.Count == 0 || candidate.Count == 0)
        {
            throw new ArgumentException("a change needs runs on both sides");
        }

        var ratio = ShiftInterval.Ratio(reference, candidate);
        return new Change(Classify(ratio, threshold), ratio, threshold, reference.Count, candidate.Count);
    }

    /// <summary>The verdict an interval of a ratio allows at <paramref name="threshold"/>.</summary>
    public static ChangeKind Classify(Estimate ratio, double threshold)
    {
        if (!(threshold >= 0) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a threshold is a fraction of 0 or more");
        }

        if (!ratio.HasInterval)
        {
            return ChangeKind.TooFewRuns;
        }

        var upperBound = 1 + threshold;
        var lowerBound = 1 / upperBound;
        if (ratio.Lower > upperBound)
        {
            return ChangeKind.Larger;
        }

        if (ratio.Upper < lowerBound)
        {
            return ChangeKind.Smaller;
        }

        return ratio.Lower >= lowerBound && ratio.Upper <= upperBound ? ChangeKind.WithinThreshold : ChangeKind.NoMeasurableDifference;
    }
}
