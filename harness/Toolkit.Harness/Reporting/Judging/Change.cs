using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Reporting.Judging;

/// <summary>
/// A candidate against a reference on one metric: the ratio candidate/reference with its 95% interval
/// (<see cref="ShiftInterval.Ratio"/>), the threshold it was judged at, and the verdict that interval
/// allows (<see cref="ChangeRule"/>). A claim (<see cref="IsClaimed"/>) is only ever what the interval shows.
/// </summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Ratio">candidate / reference, with its interval.</param>
/// <param name="Threshold">The relative threshold, as a fraction (0.05 = 5%).</param>
/// <param name="ReferenceRuns">Runs of the reference.</param>
/// <param name="CandidateRuns">Runs of the candidate.</param>
public readonly record struct Change(ChangeKind Kind, Estimate Ratio, double Threshold, int ReferenceRuns, int CandidateRuns)
{
    /// <summary>True for <see cref="ChangeKind.Smaller"/> and <see cref="ChangeKind.Larger"/>: the only kinds that claim a difference.</summary>
    public bool IsClaimed => Kind is ChangeKind.Smaller or ChangeKind.Larger;

    /// <summary>The change in percent with its interval, "−93.7% (95% CI −93.8% to −93.6%)", or why there is none.</summary>
    public string Describe() => Kind == ChangeKind.TooFewRuns
        ? $"{Format.SignedPercent(Ratio.Value - 1)} (no interval: {ReferenceRuns} and {CandidateRuns} runs)"
        : $"{Format.SignedPercent(Ratio.Value - 1)} (95% CI {Format.SignedPercent(Ratio.Lower - 1)} to {Format.SignedPercent(Ratio.Upper - 1)})";

    /// <summary>The verdict in words for a metric where smaller is better: "lower", "higher", "same within ±5.0%", "no measurable difference beyond ±5.0%", "too few runs".</summary>
    public string Word => Kind switch
    {
        ChangeKind.Smaller => "lower",
        ChangeKind.Larger => "higher",
        ChangeKind.TooFewRuns => "too few runs",
        ChangeKind.WithinThreshold => Threshold > 0 ? $"same within ±{Format.Percent(Threshold)}" : "no change",
        _ => Threshold > 0 ? $"no measurable difference beyond ±{Format.Percent(Threshold)}" : "no measurable difference",
    };
}
