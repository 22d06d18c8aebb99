using System.Text;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/reduce-memory.md: the low-memory recommendations: the optimizations ranked by bytes saved
/// per node and by time cost, and what combining them gives, all at the largest size each was measured.
/// </summary>
public static class ReduceMemoryPage
{
    /// <summary>The name of the variant that combines the others.</summary>
    public const string CombinedName = "optimized";

    /// <summary>The page's text.</summary>
    public static string Render(ScaleAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var page = new StringBuilder();
        page.Append("# Reducing memory: what to use\n\n");
        page.Append(PageText.Provenance(analysis.Results)).Append(" [Back to the results](README.md).\n\n");
        var measured = analysis.Optimizations
            .Where(v => analysis.LargestComparableSize(v) is not null)
            .Select(v => RankedTechnique.Of(analysis, v))
            .ToArray();
        if (measured.Length == 0)
        {
            page.Append("No optimization was measured beside baseline, so nothing can be ranked.\n");
            return page.ToString();
        }

        page.Append("Every figure is taken at the largest size where the optimization and baseline both ran. Savings are in managed heap retained per node after loading and building, the one figure every technique is measured by; each technique's own verdict uses the figure it is judged by (peak RSS for chunked hashing). ");
        page.Append(PageText.IntervalMethod).Append("\n\n");
        page.Append("## Ranked by bytes saved per node\n\n");
        var bySaving = measured.OrderByDescending(e => e.Saving.Value).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
        page.Append(MarkdownTable.Render(
            ["rank", "optimization", "sources", "saved bytes/node (95% CI)", "% of baseline", "peak RSS saved per node", "verdict"],
            bySaving.Select((e, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Link(e.Variant), Format.Count(e.Sources), Format.PerNode(e.Saving), Format.Percent(e.Saving.Value / e.Baseline), Format.PerNode(e.PeakSaving.Value), Short(e.Verdict.Kind)])));
        page.Append("\n## Ranked by cost\n\n");
        page.Append("Cost is the larger of the load-time and null-build-time changes against baseline (median ratios).\n\n");
        var byCost = measured.OrderBy(e => e.WorstTime).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
        page.Append(MarkdownTable.Render(
            ["rank", "optimization", "load change (95% CI)", "null-build change (95% CI)", "saved bytes/node"],
            byCost.Select((e, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Link(e.Variant), Format.Change(e.Load), Format.Change(e.NullBuild), Format.PerNode(e.Saving.Value)])));
        page.Append("\n## What combining them gives\n\n");
        page.Append(Combination(measured)).Append("\n\n");
        page.Append("## The low-memory recommendation\n\n");
        page.Append(Recommendation(measured));
        return page.ToString();
    }

    private static string Combination(RankedTechnique[] measured)
    {
        var combined = measured.FirstOrDefault(e => e.Variant == CombinedName);
        var parts = measured.Where(e => e.Variant != CombinedName && e.Saving.Value > 0).ToArray();
        if (combined is null)
        {
            return $"The combined profile (`{CombinedName}`) was not measured; the separate savings below cannot be added up, because techniques overlap (once there is no object per node, removing a list from it saves nothing more).";
        }

        var sum = parts.Sum(e => e.Saving.Value);
        var text = $"The `{CombinedName}` profile saves {Format.PerNode(combined.Saving)} bytes per node at {Format.Count(combined.Sources)} sources, {Format.Percent(combined.Saving.Value / combined.Baseline)} of baseline's {Format.PerNode(combined.Baseline)}, " +
            $"with load time {Format.SignedPercent(combined.Load.Value - 1)} and null-build time {Format.SignedPercent(combined.NullBuild.Value - 1)} against baseline. ";
        if (parts.Length == 0)
        {
            return text + "No single technique saved anything measurable on its own.";
        }

        var best = parts.MaxBy(e => e.Saving.Value)!;
        text += $"The techniques' separate savings add up to {Format.PerNode(sum)} bytes per node ({string.Join(" + ", parts.Select(e => $"{e.Variant} {Format.PerNode(e.Saving.Value)}"))}); ";
        text += sum > combined.Saving.Value
            ? $"the combination gives {Format.Percent(combined.Saving.Value / sum)} of that sum, because they overlap: they remove the same bytes in different ways. "
            : "the combination gives at least their sum: they remove different bytes. ";
        text += combined.Saving.Value > best.Saving.Value
            ? $"It saves {Format.PerNode(combined.Saving.Value - best.Saving.Value)} bytes per node more than the best single technique, `{best.Variant}`."
            : $"It saves no more than the best single technique, `{best.Variant}` ({Format.PerNode(best.Saving.Value)}).";
        return text;
    }

    private static string Recommendation(RankedTechnique[] measured)
    {
        var text = new StringBuilder();
        var combined = measured.FirstOrDefault(e => e.Variant == CombinedName);
        if (combined is not null && combined.Verdict.Kind is VerdictKind.Recommended or VerdictKind.RecommendedWhenMemoryMatters)
        {
            text.Append($"- **When memory is the limit:** use `{CombinedName}`: {combined.Verdict.Text}.\n");
        }

        foreach (var (kind, heading) in new[]
        {
            (VerdictKind.Recommended, "Recommended on their own, by saving"),
            (VerdictKind.RecommendedWhenMemoryMatters, "Worth it when memory matters more than time"),
            (VerdictKind.NoMeasurableSaving, "No measurable saving on this project"),
            (VerdictKind.CostsMemory, "Cost memory here"),
        })
        {
            var chosen = measured.Where(e => e.Variant != CombinedName && e.Verdict.Kind == kind).OrderByDescending(e => e.Saving.Value).ThenBy(e => e.Variant, StringComparer.Ordinal).ToArray();
            if (chosen.Length > 0)
            {
                text.Append($"- **{heading}:** {string.Join(", ", chosen.Select(e => Link(e.Variant)))}.\n");
            }
        }

        return text.ToString();
    }

    private static string Link(string variant) => $"[{variant}](recommendations/{variant}.md)";

    private static string Short(VerdictKind kind) => kind switch
    {
        VerdictKind.Recommended => "recommended",
        VerdictKind.RecommendedWhenMemoryMatters => "when memory matters more than time",
        VerdictKind.NoMeasurableSaving => "not recommended: no measurable saving",
        VerdictKind.CostsMemory => "not recommended: costs memory",
        _ => "not measured",
    };
}
