namespace Toolkit.Harness.Comparison;

/// <summary>One metric of one case, compared.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Case">The case.</param>
/// <param name="Result">The statistics and the verdict.</param>
public sealed record ComparisonRow(ComparisonMetric Metric, ComparisonCase Case, SampleComparison Result);
