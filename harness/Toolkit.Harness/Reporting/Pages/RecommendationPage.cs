using System.Text;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Reporting.Statistics;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/recommendations/VARIANT.md, a wiki-style page on one technique: the verdict (computed from
/// the data at every size, with where it changes), the idea, the code before and after (cut from the
/// project's source), the memory and time changes at each point with their intervals, and when to use it.
/// </summary>
public static class RecommendationPage
{
    /// <summary>The page's text.</summary>
    public static string Render(PageModel model, string variant, IExcerptSource excerpts, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var technique = TechniqueText.Find(model.Analysis, variant);
        var verdicts = model.Verdicts[variant];
        var page = new StringBuilder();
        page.Append($"# {TechniqueText.Title(model.Analysis, variant)}\n\n");
        page.Append($"**Verdict:** {verdicts.Judged?.Text ?? "not measured beside baseline"}.\n\n");
        page.Append($"At each point: {verdicts.SizeSummary()}.\n\n");
        page.Append($"Variant `{variant}`, judged by {Describe(verdicts.Metric, model.LargeFilesPoint is not null)}. [All results](../README.md) · [Where the memory goes](../memory.md#{variant}) · [Reducing memory](../reduce-memory.md) · [Scaling](../scaling.md)\n\n");
        page.Append("## The idea\n\n").Append(technique?.Idea ?? "No description has been written for this variant yet.").Append("\n\n");
        if (technique is not null)
        {
            page.Append("## Before and after\n\n");
            foreach (var region in technique.Before)
            {
                AppendExcerpt(page, "Before", ScaleAnalysis.BaselineName, ExcerptReader.Read(excerpts, region), links);
            }

            AppendExcerpt(page, "After", variant, ExcerptReader.Read(excerpts, technique.After), links);
        }

        page.Append("## Verdict at each size\n\n");
        page.Append(VerdictTable(verdicts)).Append('\n');
        page.Append("## Memory\n\n");
        page.Append($"The figure it is judged by, {TechniqueJudge.Unit(verdicts.Metric)}; saving = baseline − {variant} (medians), change = {variant}/baseline − 1 with its 95% interval.\n\n");
        page.Append(MemoryTable(model, variant, verdicts.Metric));
        var other = verdicts.Metric == MemoryMetric.PeakRssPerNode ? MemoryMetric.RetainedAfterBuild : MemoryMetric.PeakRssPerNode;
        page.Append($"\nFor comparison, {TechniqueJudge.Unit(other)}{(other == MemoryMetric.PeakRssPerNode ? " (the whole process's full build, from outside: whether the saving reaches the process)" : string.Empty)}:\n\n");
        page.Append(MemoryTable(model, variant, other));
        page.Append("\n## Time\n\n");
        page.Append("Each operation's wall time as a whole process, the variant against baseline: change = ratio − 1 with its 95% interval.\n\n");
        page.Append(TimeTable(verdicts));
        if (technique is not null)
        {
            page.Append("\n## When to use it\n\n").Append(technique.WhenToUse).Append('\n');
            page.Append("\n## When not to\n\n").Append(technique.WhenNot).Append('\n');
        }

        page.Append("\n## The rule\n\n").Append(PageText.VerdictRule).Append('\n');
        return page.ToString();
    }

    private static string Describe(MemoryMetric metric, bool largeFiles) => metric switch
    {
        MemoryMetric.PeakRssPerNode => "whole-process peak RSS per node of the full build (it changes transient memory, not the graph kept alive)" + (largeFiles ? ", at the point with large files, where hashing whole files shows" : string.Empty),
        MemoryMetric.RetainedAfterLoad => "managed heap retained per node after loading",
        _ => "managed heap retained per node after loading and building",
    };

    private static string VerdictTable(VariantVerdicts verdicts)
    {
        if (verdicts.Points.Count == 0)
        {
            return "No point at which both this variant and baseline ran.\n";
        }

        var labels = verdicts.Points.SelectMany(p => p.Times.Select(t => t.Label)).Distinct().ToArray();
        return MarkdownTable.Render(
            ["point", "memory change (95% CI)", .. labels.Select(l => l + " change (95% CI)"), "verdict"],
            verdicts.Points.Select(p => (IReadOnlyList<string>)[
                p.Point.Label,
                p.Memory?.Describe() ?? "–",
                .. labels.Select(l => p.Times.FirstOrDefault(t => t.Label == l) is { } t ? $"{t.Change.Describe()}, {t.Change.Word}" : "–"),
                p.Short]));
    }

    private static string MemoryTable(PageModel model, string variant, MemoryMetric metric)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var point in model.Points)
        {
            var baseline = TechniqueJudge.MemorySample(point, ScaleAnalysis.BaselineName, metric);
            var mine = TechniqueJudge.MemorySample(point, variant, metric);
            if (baseline.Length == 0 || mine.Length == 0)
            {
                continue;
            }

            var change = ChangeRule.Judge(baseline, mine, TechniqueJudge.MemoryThreshold);
            rows.Add([
                point.Label,
                Format.PerNode(Bootstrap.MedianInterval(baseline)),
                Format.PerNode(Bootstrap.MedianInterval(mine)),
                Format.PerNode(Bootstrap.Median(baseline) - Bootstrap.Median(mine)),
                change.Describe(),
                change.Word,
            ]);
        }

        return rows.Count == 0
            ? "Not measured at any point shared with baseline.\n"
            : MarkdownTable.Render(["point", "baseline", variant, "saving", "change (95% CI)", "verdict"], rows);
    }

    private static string TimeTable(VariantVerdicts verdicts)
    {
        var rows = verdicts.Points.SelectMany(p => p.Times.Select(t => (IReadOnlyList<string>)[
            p.Point.Label,
            t.Label,
            Format.Seconds(t.BaselineMedian),
            Format.Seconds(t.VariantMedian),
            t.Change.Describe(),
            t.Change.Word,
        ])).ToArray();
        return rows.Length == 0 ? "No time measured at a point shared with baseline.\n" : MarkdownTable.Render(["point", "operation", "baseline", "variant", "change (95% CI)", "verdict"], rows);
    }

    private static void AppendExcerpt(StringBuilder page, string label, string owner, Excerpt excerpt, PageLinks links)
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

        page.Append($"**{label}** (`{owner}`), from [`{file}`]({links.SourceFromSubfolder(file)}) ({string.Join(", ", notes)}):\n\n");
        page.Append("```csharp\n").Append(excerpt.Code).Append("\n```\n\n");
    }
}
