namespace Toolkit.Harness.Comparison;

/// <summary>
/// One metric of one case, both sides' runs: e.g. the null build's wall time of variant "slots" at 10k
/// sources in two results files, or of variant baseline (A) and slots (B) measured now.
/// </summary>
/// <param name="Label">How the row is named ("slots", "baseline -> slots", "main -> my-branch (baseline)").</param>
/// <param name="Sources">The project size.</param>
/// <param name="LargeFiles">Large files of the project (0 for an ordinary size).</param>
/// <param name="Metric">The metric.</param>
/// <param name="A">The reference runs.</param>
/// <param name="B">The candidate runs.</param>
public sealed record ComparisonSample(string Label, int Sources, int LargeFiles, ComparisonMetric Metric, IReadOnlyList<double> A, IReadOnlyList<double> B);
