using System.Text;
using Toolkit.Harness.Reporting.Charts;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/scaling.md: for each operation on its own (like with like), peak RSS and time against
/// nodes (charts with intervals as error bars and tables), and the growth of peak RSS per extra node,
/// where each tool's fixed cost cancels; then the engine's managed heap against nodes.
/// </summary>
public static class ScalingPage
{
    /// <summary>The page's text.</summary>
    public static string Render(PageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var page = new StringBuilder();
        page.Append("# Scaling: memory and time against nodes\n\n");
        page.Append(PageText.Provenance(model.Results)).Append(" [Back to the results](README.md).\n\n");
        page.Append("## Comparing like with like\n\n");
        page.Append(PageText.LikeWithLike(model.Results, links)).Append("\n\n");
        page.Append("Peak RSS includes a fixed cost that has nothing to do with the graph: the .NET runtime and JIT for the engine, the interpreter for SCons, the program itself for make, ninja and samurai. ");
        page.Append("Peak RSS per node therefore flatters large projects and punishes runtimes with a big start-up; the **growth per extra node**, (RSS₂ − RSS₁) / (nodes₂ − nodes₁), cancels the fixed cost and leaves what each tool spends on each node. Node counts are the project's own for every tool. ");
        page.Append(PageText.IntervalMethod).Append("\n\n");
        foreach (var operation in ReadmePage.Ordered(model.Operations))
        {
            page.Append($"## {ReadmePage.Heading(operation)}\n\n");
            Chart(page, ScaleCharts.PeakRss(model, operation), ScaleCharts.FileName("peak-rss", operation));
            Chart(page, ScaleCharts.Time(model, operation), ScaleCharts.FileName("time", operation));
            page.Append("### Peak RSS and time (medians, 95% intervals)\n\n");
            page.Append(ProcessTables.Absolute(model, operation));
            page.Append("\n### Growth of peak RSS per extra node (bytes)\n\n");
            page.Append(ProcessTables.Growth(model, operation)).Append('\n');
        }

        page.Append("## Managed heap of the engine's variants\n\n");
        Chart(page, ScaleCharts.ManagedHeap(model), ScaleCharts.ManagedHeapFile);
        page.Append("Growth of the retained managed heap per extra node (bytes): the graph's own cost, without the runtime, the garbage or the free space.\n\n");
        page.Append(ManagedGrowth(model)).Append('\n');
        if (model.Results.Project is not null)
        {
            page.Append("## Peers on the imported project\n\n");
            page.Append(PageText.ImportedPeers(model.Results)).Append('\n');
        }
        else
        {
            Skipped(page, model);
        }

        return page.ToString();
    }

    /// <summary>Every chart file of the page and the README, with the chart drawn into it.</summary>
    public static IEnumerable<(string File, LineChart Chart)> Charts(PageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var operation in model.Operations)
        {
            yield return (ScaleCharts.FileName("peak-rss", operation), ScaleCharts.PeakRss(model, operation));
            yield return (ScaleCharts.FileName("peak-rss-per-node", operation), ScaleCharts.PeakRssPerNode(model, operation));
            yield return (ScaleCharts.FileName("time", operation), ScaleCharts.Time(model, operation));
        }

        yield return (ScaleCharts.ManagedHeapFile, ScaleCharts.ManagedHeap(model));
    }

    private static void Chart(StringBuilder page, LineChart chart, string file)
    {
        page.Append($"![{chart.Title} against nodes, log-log, one line per variant and peer, error bars = 95% intervals]({file})\n\n");
        if (chart.Note is { } note)
        {
            page.Append(note).Append(" One may hide the other in the chart.\n\n");
        }
    }

    private static string ManagedGrowth(PageModel model)
    {
        var a = model.Analysis;
        var pairs = model.Sizes.Zip(model.Sizes.Skip(1)).ToArray();
        if (pairs.Length == 0)
        {
            return PageText.NoGrowth(model.Results);
        }

        var headers = new[] { "variant" }.Concat(pairs.Select(p => $"{Format.Count(a.NodesAt(p.First))} → {Format.Count(a.NodesAt(p.Second))} nodes")).ToArray();
        return MarkdownTable.Render(headers, model.Variants.Select(v => (IReadOnlyList<string>)[v, .. pairs.Select(p =>
        {
            if (!a.Has(v, p.First) || !a.Has(v, p.Second))
            {
                return "–";
            }

            var steps = Growth.Steps([(a.NodesAt(p.First), Bootstrap.Median(a.Sample(v, p.First, r => r.RetainedBytesAfterBuild))), (a.NodesAt(p.Second), Bootstrap.Median(a.Sample(v, p.Second, r => r.RetainedBytesAfterBuild)))]);
            return steps.Count == 1 ? Format.PerNode(steps[0].PerNode) : "–";
        })]));
    }

    private static void Skipped(StringBuilder page, PageModel model)
    {
        var skipped = model.Processes.Peers
            .SelectMany(p => model.Sizes.Select(s => (Peer: p, Sources: s, Reason: model.Processes.SkippedBecause(p, s, ProcessOperations.DryRun) ?? model.Processes.SkippedBecause(p, s, ProcessOperations.NullBuild))))
            .Where(s => s.Reason is not null)
            .ToArray();
        if (skipped.Length == 0)
        {
            return;
        }

        page.Append("## Peers not measured\n\n");
        foreach (var group in skipped.GroupBy(s => (s.Peer, s.Reason)))
        {
            page.Append($"- {group.Key.Peer} at {string.Join(", ", group.Select(s => Format.Count(s.Sources)))} sources: {group.Key.Reason}\n");
        }
    }
}
