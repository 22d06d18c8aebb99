using Toolkit.Harness.Results;
using Toolkit.Harness.Reporting.Statistics;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Judging;

/// <summary>
/// Judges a technique against baseline at one point, by <see cref="ChangeRule"/> alone: a saving is
/// claimed when the interval of its memory figure lies below 1/(1 + <see cref="MemoryThreshold"/>),
/// a cost in memory when it lies above 1 + that; a time cost when any judged time's interval lies
/// above 1 + <see cref="TimeThreshold"/>. Recommended = a saving and no time cost; recommended when
/// memory matters more than time = a saving and a time cost; otherwise not recommended (no measurable
/// saving, or it costs memory), or no verdict when there are too few runs for an interval.
/// </summary>
public static class TechniqueJudge
{
    /// <summary>Memory changes below 1% are not claimed, however sure: a different runtime version moves the heap by about that much.</summary>
    public const double MemoryThreshold = 0.01;

    /// <summary>Time changes below 5% are not claimed: the run-to-run spread of whole-process times on a quiet two-core machine is a few percent.</summary>
    public const double TimeThreshold = 0.05;

    /// <summary>The variant every technique is judged against.</summary>
    public const string Baseline = "baseline";

    /// <summary>The runs of <paramref name="variant"/>'s memory figure <paramref name="metric"/> at the point.</summary>
    public static double[] MemorySample(JudgedPoint point, string variant, MemoryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(point);
        return metric == MemoryMetric.PeakRssPerNode && point.Processes.HasEngine
            ? [.. point.Processes.PeakRss(ProcessRecord.EngineTool, variant, point.Sources, ProcessOperations.FullBuild).Select(b => b / point.Nodes)]
            : point.Analysis.Sample(variant, point.Sources, r => point.Analysis.PerNode(r, point.Sources, metric));
    }

    /// <summary>The verdict of <paramref name="variant"/> judged by <paramref name="metric"/> at <paramref name="point"/>.</summary>
    public static PointVerdict At(JudgedPoint point, string variant, MemoryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(point);
        var baseline = MemorySample(point, Baseline, metric);
        var candidate = MemorySample(point, variant, metric);
        if (baseline.Length == 0 || candidate.Length == 0)
        {
            return new PointVerdict(variant, point, VerdictKind.NotMeasured, null, 0, [], $"not measured at {point.Label}: {(candidate.Length == 0 ? variant : Baseline)} did not run there");
        }

        var memory = ChangeRule.Judge(baseline, candidate, MemoryThreshold);
        var saving = Bootstrap.Median(baseline) - Bootstrap.Median(candidate);
        var times = JudgedTime.For(point)
            .Select(t => (t.Label, Base: t.Sample(point, Baseline), Mine: t.Sample(point, variant)))
            .Where(t => t.Base.Length > 0 && t.Mine.Length > 0)
            .Select(t => new TimeChange(t.Label, ChangeRule.Judge(t.Base, t.Mine, TimeThreshold), Bootstrap.Median(t.Base), Bootstrap.Median(t.Mine)))
            .ToArray();
        var costly = times.Where(t => t.Change.Kind == ChangeKind.Larger).Select(t => t.Label).ToArray();
        var kind = memory.Kind switch
        {
            ChangeKind.TooFewRuns => VerdictKind.TooFewRuns,
            ChangeKind.Larger => VerdictKind.CostsMemory,
            ChangeKind.Smaller => costly.Length > 0 ? VerdictKind.RecommendedWhenMemoryMatters : VerdictKind.Recommended,
            _ => VerdictKind.NoMeasurableSaving,
        };
        if (kind == VerdictKind.TooFewRuns)
        {
            return new PointVerdict(variant, point, kind, memory, saving, times, $"at {point.Label}: no verdict, too few runs for a 95% interval ({baseline.Length} of baseline and {candidate.Length} of {variant}; {ShiftInterval.FewestRuns()} each are needed)");
        }

        var unit = Unit(metric);
        var memoryText = memory.Kind switch
        {
            ChangeKind.Smaller => $"saves {Format.PerNode(saving)} {unit}, {memory.Describe()}",
            ChangeKind.Larger => $"holds {Format.PerNode(-saving)} more {unit}, {memory.Describe()}",
            _ => $"{unit}: {memory.Describe()}, {memory.Word}",
        };
        var timeText = times.Length == 0 ? "no time measured" : "time " + string.Join("; ", times.Select(t => $"{t.Label} {t.Change.Describe()} {t.Change.Word}"));
        var conclusion = kind == VerdictKind.RecommendedWhenMemoryMatters ? $"{PointVerdict.Names(kind)} ({string.Join(", ", costly)} measurably slower)" : PointVerdict.Names(kind);
        return new PointVerdict(variant, point, kind, memory, saving, times, $"at {point.Label} {memoryText}; {timeText}: {conclusion}");
    }

    /// <summary>
    /// The verdicts of <paramref name="variant"/> at every point it and baseline share. The judged point
    /// is the large-files point for a technique judged by peak RSS (it changes what hashing holds, which
    /// only large files show), else the largest size.
    /// </summary>
    public static VariantVerdicts Across(IReadOnlyList<JudgedPoint> points, string variant, MemoryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(points);
        var verdicts = points.Select(p => At(p, variant, metric)).Where(v => v.Kind != VerdictKind.NotMeasured).ToArray();
        var ordinary = verdicts.Where(v => v.Point.LargeFiles == 0).ToArray();
        var large = verdicts.FirstOrDefault(v => v.Point.LargeFiles > 0);
        var judged = metric == MemoryMetric.PeakRssPerNode && large is not null ? large : ordinary.LastOrDefault() ?? large;
        return new VariantVerdicts(variant, metric, verdicts, judged);
    }

    /// <summary>The unit a metric is reported in.</summary>
    public static string Unit(MemoryMetric metric) => metric switch
    {
        MemoryMetric.PeakRssPerNode => "bytes of peak RSS per node",
        MemoryMetric.RetainedAfterLoad => "bytes/node after load",
        _ => "bytes/node",
    };
}
