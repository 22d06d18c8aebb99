namespace Toolkit.Harness.Comparison;

/// <summary>
/// The comparison of two samples of one metric (A, the reference, and B, the candidate): Harrell-Davis
/// medians, the Hodges-Lehmann ratio B/A with its exact 95% interval, the one-sided p-values and the
/// verdict read from that interval. NaN marks what cannot be computed (an empty sample, too few runs
/// for an interval, a zero value in a ratio).
/// </summary>
/// <param name="CountA">Runs in A.</param>
/// <param name="CountB">Runs in B.</param>
/// <param name="MedianA">Harrell-Davis median of A.</param>
/// <param name="MedianB">Harrell-Davis median of B.</param>
/// <param name="Ratio">B/A (Hodges-Lehmann: exp of the median of the pairwise log-differences).</param>
/// <param name="RatioLower">Lower bound of the ratio's 95% interval.</param>
/// <param name="RatioUpper">Upper bound.</param>
/// <param name="PWorse">p-value of "B is worse than A by more than the threshold".</param>
/// <param name="PBetter">p-value of "B is better than A by more than the threshold".</param>
/// <param name="Verdict">The conclusion.</param>
public sealed record SampleComparison(int CountA, int CountB, double MedianA, double MedianB, double Ratio, double RatioLower, double RatioUpper, double PWorse, double PBetter, Verdict Verdict);
