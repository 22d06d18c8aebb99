using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>One optimization's figures for the rankings of reduce-memory.md, at the largest size it shares with baseline.</summary>
public sealed record RankedTechnique(string Variant, int Sources, double Baseline, Estimate Saving, Estimate PeakSaving, Estimate Load, Estimate NullBuild, Verdict Verdict)
{
    /// <summary>The larger of the two time ratios.</summary>
    public double WorstTime => Math.Max(Load.Value, NullBuild.Value);

    /// <summary>The technique measured at its largest size shared with baseline.</summary>
    public static RankedTechnique Of(ScaleAnalysis analysis, string variant)
    {
        var sources = analysis.LargestComparableSize(variant)!.Value;
        return new RankedTechnique(
            variant,
            sources,
            analysis.Memory(ScaleAnalysis.BaselineName, sources, MemoryMetric.RetainedAfterBuild).Value,
            analysis.Saving(variant, sources, MemoryMetric.RetainedAfterBuild),
            analysis.Saving(variant, sources, MemoryMetric.PeakRssPerNode),
            analysis.TimeRatio(variant, sources, TimeMetric.Load),
            analysis.TimeRatio(variant, sources, TimeMetric.NullBuild),
            Verdict.Of(analysis, variant, analysis.JudgedBy(variant)));
    }
}
