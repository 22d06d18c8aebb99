using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// The whole-process tables: one operation at a time (like with like), a row per engine variant and per
/// peer, a column per size; and the growth of peak RSS per extra node between sizes, where each tool's
/// fixed cost cancels.
/// </summary>
public static class ProcessTables
{
    /// <summary>Peak RSS per node and wall time of <paramref name="operation"/>, medians, "26,873 B/node · 1.110 s" per cell.</summary>
    public static string PerNodeAndTime(PageModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Table(model, operation, (rss, wall, nodes) => $"{Format.PerNode(Bootstrap.Median(rss) / nodes)} B/node · {Format.Seconds(Bootstrap.Median(wall))}");
    }

    /// <summary>Peak RSS (MB) and wall time with their intervals.</summary>
    public static string Absolute(PageModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Table(model, operation, (rss, wall, _) =>
        {
            var m = Bootstrap.MedianInterval(rss);
            var t = Bootstrap.MedianInterval(wall);
            return $"{Format.Megabytes(m.Value)} ({Format.Megabytes(m.Lower)} to {Format.Megabytes(m.Upper)}) · {Format.Seconds(t.Value)} ({Format.Seconds(t.Lower)} to {Format.Seconds(t.Upper)})";
        });
    }

    /// <summary>Growth of peak RSS per extra node of <paramref name="operation"/> between consecutive sizes, every tool.</summary>
    public static string Growth(PageModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        var pairs = model.Sizes.Zip(model.Sizes.Skip(1)).ToArray();
        if (pairs.Length == 0)
        {
            return PageText.NoGrowth(model.Results);
        }

        var headers = new[] { "tool" }.Concat(pairs.Select(p => $"{Format.Count(model.Analysis.NodesAt(p.First))} → {Format.Count(model.Analysis.NodesAt(p.Second))} nodes")).ToArray();
        var rows = model.Tools().Select(t => (IReadOnlyList<string>)[Label(t), .. pairs.Select(p =>
        {
            var a = model.Processes.PeakRss(t.Tool, t.Variant, p.First, operation);
            var b = model.Processes.PeakRss(t.Tool, t.Variant, p.Second, operation);
            if (a.Length == 0 || b.Length == 0)
            {
                return "–";
            }

            var steps = Reporting.Growth.Steps([(model.Analysis.NodesAt(p.First), Bootstrap.Median(a)), (model.Analysis.NodesAt(p.Second), Bootstrap.Median(b))]);
            return steps.Count == 1 ? Format.PerNode(steps[0].PerNode) : "–";
        })]);
        return MarkdownTable.Render(headers, rows);
    }

    /// <summary>A row's label: the variant's name, or "ninja (peer)".</summary>
    public static string Label((string Label, string Tool, string? Variant) tool) => tool.Variant is null ? tool.Label + " (peer)" : tool.Label;

    private static string Table(PageModel model, string operation, Func<double[], double[], long, string> cell)
    {
        var headers = new[] { "tool" }.Concat(model.Sizes.Select(s => PageText.SizeHeader(model.Analysis, s))).ToArray();
        var rows = model.Tools().Select(t => (IReadOnlyList<string>)[Label(t), .. model.Sizes.Select(s =>
        {
            var (rss, wall) = model.Process(t.Tool, t.Variant, s, operation);
            if (rss.Length == 0)
            {
                return model.Processes.Find(t.Tool, t.Variant, s, operation)?.SkippedBecause is not null ? "skipped" : "not run";
            }

            return cell(rss, wall, model.Analysis.NodesAt(s));
        })]);
        return MarkdownTable.Render(headers, rows);
    }
}
