using System.Globalization;
using System.Text;
using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/reduce-memory.md: the optimizations ranked by what they save and by what they cost at the
/// largest size each shares with baseline, what combining them gives, and whether a combination's
/// extra managed-heap saving reaches the whole process.
/// </summary>
public static class ReduceMemoryPage
{
    /// <summary>The name of the variant that combines the others.</summary>
    public const string CombinedName = "optimized";

    /// <summary>The page's text.</summary>
    public static string Render(PageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var page = new StringBuilder();
        page.Append("# Reducing memory: what to use\n\n");
        page.Append(PageText.Provenance(model.Results)).Append(" [Back to the results](README.md).\n\n");
        var measured = model.Analysis.Optimizations
            .Select(v => (Variant: v, At: Largest(model, v)))
            .Where(e => e.At is not null)
            .Select(e => (e.Variant, At: e.At!))
            .ToArray();
        if (measured.Length == 0)
        {
            page.Append("No optimization was measured beside baseline, so nothing can be ranked.\n");
            return page.ToString();
        }

        page.Append("Each optimization at the largest size where it and baseline both ran. Savings are in managed heap retained per node after loading and building, the figure every technique changes; each technique's verdict uses the figure it is judged by (peak RSS for chunked hashing, at the large-files point). ");
        page.Append("Peak RSS is the whole process's full build: it says whether a saving reaches what the user feels. ").Append(PageText.IntervalMethod).Append("\n\n");
        page.Append("## Ranked by bytes saved per node\n\n");
        var bySaving = measured.OrderByDescending(e => e.At.Saving).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
        page.Append(MarkdownTable.Render(
            ["rank", "optimization", "sources", "saved bytes/node", "change (95% CI)", "peak RSS change, full build (95% CI)", "verdict at each size"],
            bySaving.Select((e, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Link(e.Variant),
                Format.Count(e.At.Point.Sources),
                Format.PerNode(e.At.Saving),
                e.At.Memory?.Describe() ?? "–",
                PeakChange(model, e.Variant, ScaleAnalysis.BaselineName, e.At.Point.Sources)?.Describe() ?? "not measured",
                model.Verdicts[e.Variant].SizeSummary()])));
        page.Append("\n## Ranked by cost\n\n");
        page.Append("Cost is the largest slowdown among the judged times (point estimates); a slowdown is only claimed where the verdict column says so.\n\n");
        var byCost = measured.OrderBy(e => WorstTime(e.At)).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
        var labels = byCost.SelectMany(e => e.At.Times.Select(t => t.Label)).Distinct().ToArray();
        page.Append(MarkdownTable.Render(
            ["rank", "optimization", .. labels.Select(l => l + " change (95% CI)"), "saved bytes/node"],
            byCost.Select((e, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Link(e.Variant),
                .. labels.Select(l => e.At.Times.FirstOrDefault(t => t.Label == l) is { } t ? $"{t.Change.Describe()}, {t.Change.Word}" : "–"),
                Format.PerNode(e.At.Saving)])));
        page.Append("\n## What combining them gives\n\n");
        page.Append(Combination(model, measured)).Append("\n\n");
        page.Append("## The low-memory recommendation\n\n");
        page.Append(Recommendation(model, measured));
        page.Append('\n').Append(PageText.VerdictRule).Append('\n');
        return page.ToString();
    }

    /// <summary>The verdict at the largest ordinary size shared with baseline, judged by retained memory (the figure the ranking compares).</summary>
    private static PointVerdict? Largest(PageModel model, string variant) =>
        model.Points.Where(p => p.LargeFiles == 0).Select(p => TechniqueJudge.At(p, variant, MemoryMetric.RetainedAfterBuild)).LastOrDefault(v => v.Kind != VerdictKind.NotMeasured);

    private static double WorstTime(PointVerdict verdict) => verdict.Times.Count == 0 ? 1 : verdict.Times.Max(t => t.Change.Ratio.Value);

    /// <summary>Peak RSS of the whole process's full build, <paramref name="candidate"/> against <paramref name="reference"/>, or null when either did not run.</summary>
    private static Change? PeakChange(PageModel model, string candidate, string reference, int sources)
    {
        var a = model.Processes.PeakRss(ProcessRecord.EngineTool, reference, sources, ProcessOperations.FullBuild);
        var b = model.Processes.PeakRss(ProcessRecord.EngineTool, candidate, sources, ProcessOperations.FullBuild);
        return a.Length == 0 || b.Length == 0 ? null : ChangeRule.Judge(a, b, TechniqueJudge.MemoryThreshold);
    }

    private static string Combination(PageModel model, (string Variant, PointVerdict At)[] measured)
    {
        var combined = measured.FirstOrDefault(e => e.Variant == CombinedName);
        var parts = measured.Where(e => e.Variant != CombinedName && e.At.Memory is { Kind: ChangeKind.Smaller }).ToArray();
        if (combined.At is null)
        {
            return $"The combined profile (`{CombinedName}`) was not measured; the separate savings cannot be added up, because techniques overlap (once there is no object per node, removing a list from it saves nothing more).";
        }

        var sources = combined.At.Point.Sources;
        var baseline = Bootstrap.Median(TechniqueJudge.MemorySample(combined.At.Point, ScaleAnalysis.BaselineName, MemoryMetric.RetainedAfterBuild));
        var text = $"The `{CombinedName}` profile saves {Format.PerNode(combined.At.Saving)} bytes per node at {Format.Count(sources)} sources, {Format.Percent(combined.At.Saving / baseline)} of baseline's {Format.PerNode(baseline)}: {combined.At.Memory?.Describe()}. ";
        if (parts.Length == 0)
        {
            return text + "No single technique saved anything measurable on its own.";
        }

        var sum = parts.Sum(e => e.At.Saving);
        var best = parts.MaxBy(e => e.At.Saving);
        text += $"The techniques' separate measurable savings add up to {Format.PerNode(sum)} bytes per node ({string.Join(" + ", parts.Select(e => $"{e.Variant} {Format.PerNode(e.At.Saving)}"))}); ";
        text += sum > combined.At.Saving
            ? $"the combination gives {Format.Percent(combined.At.Saving / sum)} of that sum, because they overlap: they remove the same bytes in different ways. "
            : "the combination gives at least their sum: they remove different bytes. ";
        if (combined.At.Saving <= best.At.Saving)
        {
            return text + $"It saves no more than the best single technique, `{best.Variant}` ({Format.PerNode(best.At.Saving)}).";
        }

        text += $"It keeps {Format.PerNode(combined.At.Saving - best.At.Saving)} bytes per node less managed heap than the best single technique, `{best.Variant}`. ";
        return text + (PeakChange(model, CombinedName, best.Variant, sources) switch
        {
            null => "Whether that reaches the whole process was not measured.",
            { IsClaimed: true } c => $"That reaches the whole process: the full build's peak RSS, `{CombinedName}` against `{best.Variant}`, {c.Describe()}.",
            var c => $"That does not reach the whole process at this size: the full build's peak RSS, `{CombinedName}` against `{best.Variant}`, {c.Value.Describe()}, {c.Value.Word}.",
        });
    }

    private static string Recommendation(PageModel model, (string Variant, PointVerdict At)[] measured)
    {
        var text = new StringBuilder();
        if (model.Verdicts.TryGetValue(CombinedName, out var combined) && combined.Kind is VerdictKind.Recommended or VerdictKind.RecommendedWhenMemoryMatters)
        {
            text.Append($"- **When memory is the limit:** use `{CombinedName}`: {combined.Judged!.Text}.\n");
        }

        foreach (var (kind, heading) in new[]
        {
            (VerdictKind.Recommended, "Recommended on their own, by saving"),
            (VerdictKind.RecommendedWhenMemoryMatters, "Worth it when memory matters more than time"),
            (VerdictKind.NoMeasurableSaving, "No measurable saving on this project"),
            (VerdictKind.CostsMemory, "Cost memory here"),
            (VerdictKind.TooFewRuns, "No verdict: too few runs"),
        })
        {
            var chosen = measured.Where(e => e.Variant != CombinedName && model.Verdicts[e.Variant].Kind == kind).OrderByDescending(e => e.At.Saving).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
            if (chosen.Length > 0)
            {
                text.Append($"- **{heading}:** {string.Join(", ", chosen.Select(e => Link(e.Variant)))}.\n");
            }
        }

        return text.ToString();
    }

    private static string Link(string variant) => $"[{variant}](recommendations/{variant}.md)";
}
