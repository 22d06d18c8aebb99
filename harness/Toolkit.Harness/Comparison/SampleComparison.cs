namespace Toolkit.Harness.Comparison;

/// <summary>
/// The comparison of two samples of one metric (A, the reference, and B, the candidate): medians
/// with their confidence intervals (Harrell-Davis), the ratio of medians B/A with a confidence
/// interval, the one-sided Mann-Whitney p-values and the verdict. NaN marks what cannot be computed
/// (an empty sample, a zero median in a ratio).
/// </summary>
public sealed record SampleComparison
{
    /// <summary>Runs in A.</summary>
    public required int CountA { get; init; }

    /// <summary>Runs in B.</summary>
    public required int CountB { get; init; }

    /// <summary>Harrell-Davis median of A.</summary>
    public required double MedianA { get; init; }

    /// <summary>Harrell-Davis median of B.</summary>
    public required double MedianB { get; init; }

    /// <summary>MedianB / MedianA.</summary>
    public required double Ratio { get; init; }

    /// <summary>Lower bound of the ratio's confidence interval.</summary>
    public required double RatioLower { get; init; }

    /// <summary>Upper bound of the ratio's confidence interval.</summary>
    public required double RatioUpper { get; init; }

    /// <summary>p-value of "B is worse than A by more than the threshold"; NaN when not tested.</summary>
    public required double PWorse { get; init; }

    /// <summary>p-value of "B is better than A by more than the threshold"; NaN when not tested.</summary>
    public required double PBetter { get; init; }

    /// <summary>The conclusion.</summary>
    public required Verdict Verdict { get; init; }
}
