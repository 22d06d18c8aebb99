namespace Toolkit.Harness.Comparison;

/// <summary>One metric of one case, compared.</summary>
/// <param name="Sample">What was compared.</param>
/// <param name="Result">The statistics and the verdict.</param>
public sealed record ComparisonRow(ComparisonSample Sample, SampleComparison Result)
{
    /// <summary>The metric.</summary>
    public ComparisonMetric Metric => Sample.Metric;
}
