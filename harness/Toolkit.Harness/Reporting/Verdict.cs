using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// A technique's verdict computed from the data at the largest size where it and baseline both ran:
/// the saving of its metric with the interval, and the load and null-build time ratios.
/// </summary>
public sealed record Verdict(VerdictKind Kind, string Text, int? Sources, Estimate? Saving, Estimate? LoadRatio, Estimate? NullBuildRatio)
{
    /// <summary>Below this fraction of baseline a saving is not worth a change of design, even when it is measurable: 1% is within what a different runtime version shifts.</summary>
    public const double MinimumSavingFraction = 0.01;

    /// <summary>A time cost up to 10% is recommended outright: load times vary by about that much between runs on a shared machine, and users do not notice it.</summary>
    public const double TolerableTimeCost = 0.10;

    /// <summary>Computes the verdict of <paramref name="variant"/> judged by <paramref name="metric"/>.</summary>
    public static Verdict Of(ScaleAnalysis analysis, string variant, MemoryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var size = analysis.LargestComparableSize(variant);
        if (size is not int sources)
        {
            return new Verdict(VerdictKind.NotMeasured, "not measured: no size at which both it and baseline ran", null, null, null, null);
        }

        var saving = analysis.Saving(variant, sources, metric);
        var baseline = analysis.Memory(ScaleAnalysis.BaselineName, sources, metric).Value;
        var load = analysis.TimeRatio(variant, sources, TimeMetric.Load);
        var nullBuild = analysis.TimeRatio(variant, sources, TimeMetric.NullBuild);
        var fraction = baseline > 0 ? saving.Value / baseline : 0;
        var at = $"at {Format.Count(sources)} sources";
        var cost = load.Value <= 1 && nullBuild.Value <= 1
            ? $"at no time cost (load time {Format.SignedPercent(load.Value - 1)}, null build {Format.SignedPercent(nullBuild.Value - 1)})"
            : $"for a {Format.SignedPercent(load.Value - 1)} load-time and {Format.SignedPercent(nullBuild.Value - 1)} null-build cost";
        var unit = Unit(metric);
        if (saving.IsBelowZero)
        {
            return new Verdict(VerdictKind.CostsMemory, $"holds {Format.PerNode(-saving.Value)} more {unit} (95% CI {Format.PerNode(-saving.Upper)} to {Format.PerNode(-saving.Lower)}) {at}: not recommended: it costs memory", sources, saving, load, nullBuild);
        }

        if (!saving.IsAboveZero || fraction < MinimumSavingFraction)
        {
            return new Verdict(VerdictKind.NoMeasurableSaving, $"saves {Format.PerNode(saving.Value)} {unit} (95% CI {Format.PerNode(saving.Lower)} to {Format.PerNode(saving.Upper)}) {at}: not recommended: no measurable saving", sources, saving, load, nullBuild);
        }

        var worst = Math.Max(load.Value, nullBuild.Value) - 1;
        var kind = worst <= TolerableTimeCost ? VerdictKind.Recommended : VerdictKind.RecommendedWhenMemoryMatters;
        var conclusion = kind == VerdictKind.Recommended ? "recommended" : "recommended when memory matters more than time";
        return new Verdict(kind, $"saves {Format.PerNode(saving.Value)} {unit} (95% CI {Format.PerNode(saving.Lower)} to {Format.PerNode(saving.Upper)}, {Format.Percent(fraction)} of baseline) {at} {cost}: {conclusion}", sources, saving, load, nullBuild);
    }

    /// <summary>The unit a metric is reported in.</summary>
    public static string Unit(MemoryMetric metric) => metric switch
    {
        MemoryMetric.PeakRssPerNode => "bytes of peak RSS per node",
        MemoryMetric.RetainedAfterLoad => "bytes/node after load",
        _ => "bytes/node",
    };
}
