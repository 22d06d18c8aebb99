using System.Text;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/recommendations/VARIANT.md, a wiki-style page on one technique: the idea, the code before
/// and after (cut from the project's source), the measured saving at each size with its interval,
/// the time cost, when to use it and when not, and the verdict computed from the data.
/// </summary>
public static class RecommendationPage
{
    /// <summary>The rule behind every verdict, stated on every page.</summary>
    public static readonly string VerdictRule =
        $"Rule: *recommended* when the 95% interval of the saving lies above zero, the saving is at least {Format.Percent(Verdict.MinimumSavingFraction)} of baseline, and neither load nor null-build time grows by more than {Format.Percent(Verdict.TolerableTimeCost)}; " +
        "*recommended when memory matters more than time* when the saving is measurable but time grows more; otherwise *not recommended*. Judged at the largest size where the technique and baseline both ran.";

    /// <summary>The page's text.</summary>
    public static string Render(ScaleAnalysis analysis, string variant, IExcerptSource excerpts)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var technique = analysis.Technique(variant);
        var metric = analysis.JudgedBy(variant);
        var verdict = Verdict.Of(analysis, variant, metric);
        var page = new StringBuilder();
        page.Append($"# {technique?.Title ?? variant}\n\n");
        page.Append($"**Verdict:** {verdict.Text}.\n\n");
        page.Append($"Variant `{variant}`, judged by {Describe(metric)}. [All results](../README.md) · [Reducing memory](../reduce-memory.md) · [Scaling](../scaling.md)\n\n");
        page.Append("## The idea\n\n").Append(technique?.Idea ?? "No description has been written for this variant yet.").Append("\n\n");
        if (technique is not null)
        {
            page.Append("## Before and after\n\n");
            foreach (var region in technique.Before)
            {
                AppendExcerpt(page, "Before", ScaleAnalysis.BaselineName, ExcerptReader.Read(excerpts, region));
            }

            AppendExcerpt(page, "After", variant, ExcerptReader.Read(excerpts, technique.After));
        }

        page.Append("## Measured saving\n\n");
        page.Append($"In {Verdict.Unit(metric)}; saving = baseline − {variant}, positive when the technique holds less. {PageText.IntervalMethod}\n\n");
        page.Append(SavingTable(analysis, variant, metric));
        var other = metric == MemoryMetric.PeakRssPerNode ? MemoryMetric.RetainedAfterBuild : MemoryMetric.PeakRssPerNode;
        page.Append($"\nFor comparison, in {Verdict.Unit(other)}:\n\n");
        page.Append(SavingTable(analysis, variant, other));
        page.Append("\n## Time cost\n\n");
        page.Append("Load: open the project (manifest, scan, database). Null build: open the unchanged project again and build with nothing to do. The change is the variant's median over baseline's, with its interval.\n\n");
        page.Append(TimeTable(analysis, variant));
        if (technique is not null)
        {
            page.Append("\n## When to use it\n\n").Append(technique.WhenToUse).Append('\n');
            page.Append("\n## When not to\n\n").Append(technique.WhenNot).Append('\n');
        }

        page.Append("\n## Verdict\n\n");
        page.Append($"{char.ToUpperInvariant(verdict.Text[0])}{verdict.Text[1..]}.\n\n{VerdictRule}\n");
        return page.ToString();
    }

    private static string Describe(MemoryMetric metric) => metric switch
    {
        MemoryMetric.PeakRssPerNode => "whole-process peak RSS per node (it changes transient memory, not the graph kept alive)",
        MemoryMetric.RetainedAfterLoad => "managed heap retained per node after loading",
        _ => "managed heap retained per node after loading and building",
    };

    private static void AppendExcerpt(StringBuilder page, string label, string owner, Excerpt excerpt)
    {
        var file = excerpt.Ref.File;
        if (excerpt.Code is null)
        {
            page.Append($"**{label}** (`{owner}`):\n\n> {excerpt.Missing}\n\n");
            return;
        }

        var notes = new List<string> { $"region `{excerpt.Ref.Name}`" };
        if (excerpt.DocCommentsLeftOut)
        {
            notes.Add("XML doc comments left out");
        }

        if (excerpt.LinesLeftOut > 0)
        {
            notes.Add($"{excerpt.LinesLeftOut} more lines in the file");
        }

        page.Append($"**{label}** (`{owner}`), from [`{file}`](../../{file}) ({string.Join(", ", notes)}):\n\n");
        page.Append("```csharp\n").Append(excerpt.Code).Append("\n```\n\n");
    }

    private static string SavingTable(ScaleAnalysis analysis, string variant, MemoryMetric metric)
    {
        if (!analysis.HasBaseline)
        {
            return "No baseline runs: no saving can be computed.\n";
        }

        var rows = analysis.Sizes.Where(s => analysis.Has(variant, s) && analysis.Has(ScaleAnalysis.BaselineName, s)).Select(s =>
        {
            var baseline = analysis.Memory(ScaleAnalysis.BaselineName, s, metric);
            var saving = analysis.Saving(variant, s, metric);
            return (IReadOnlyList<string>)[Format.Count(s), Format.Count(analysis.NodesAt(s)), Format.PerNode(baseline.Value), Format.PerNode(analysis.Memory(variant, s, metric).Value), Format.PerNode(saving), Format.Percent(saving.Value / baseline.Value), saving.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }).ToArray();
        return rows.Length == 0
            ? "No size at which both this variant and baseline ran.\n"
            : MarkdownTable.Render(["sources", "nodes", "baseline", variant, "saving (95% CI)", "saving %", "runs"], rows);
    }

    private static string TimeTable(ScaleAnalysis analysis, string variant)
    {
        var rows = analysis.Sizes.Where(s => analysis.Has(variant, s) && analysis.Has(ScaleAnalysis.BaselineName, s)).Select(s =>
            (IReadOnlyList<string>)[
                Format.Count(s),
                Format.Seconds(analysis.MedianTime(ScaleAnalysis.BaselineName, s, TimeMetric.Load)),
                Format.Seconds(analysis.MedianTime(variant, s, TimeMetric.Load)),
                Format.Change(analysis.TimeRatio(variant, s, TimeMetric.Load)),
                Format.Seconds(analysis.MedianTime(variant, s, TimeMetric.NullBuild)),
                Format.Change(analysis.TimeRatio(variant, s, TimeMetric.NullBuild)),
                Format.PerNode(Bootstrap.Median(analysis.Sample(variant, s, r => r.Gen2Collections))),
            ]).ToArray();
        return rows.Length == 0
            ? "No size at which both this variant and baseline ran.\n"
            : MarkdownTable.Render(["sources", "load, baseline", $"load, {variant}", "load change (95% CI)", $"null build, {variant}", "null-build change (95% CI)", "gen-2 GCs"], rows);
    }
}
