using System.Text;
using Toolkit.Harness.Reporting.Charts;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/README.md. The headline is what the process costs: peak RSS per node and time of each
/// operation, the engine's variants beside the peers, like with like; then what the graph retains
/// (managed heap per node); the verdicts at every size; where the memory goes; the other pages.
/// </summary>
public static class ReadmePage
{
    /// <summary>The variant the headline sentence is about, when measured: the combined profile.</summary>
    private const string HeadlineVariant = "optimized";

    /// <summary>The page's text.</summary>
    public static string Render(PageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var page = new StringBuilder();
        page.Append("# Scaling results\n\n");
        page.Append(PageText.Provenance(model.Results)).Append("\n\n");
        page.Append("## Headline: what the process costs\n\n");
        page.Append(Headline(model)).Append("\n\n");
        page.Append(PageText.LikeWithLike(model.Results, links)).Append(' ').Append(PageText.IntervalMethod).Append("\n\n");
        foreach (var operation in Ordered(model.Operations))
        {
            page.Append($"### {Heading(operation)}\n\n");
            page.Append("Peak RSS per node and wall time, medians.\n\n");
            page.Append(ProcessTables.PerNodeAndTime(model, operation)).Append('\n');
            if (operation == ProcessOperations.NullBuild)
            {
                page.Append($"![Peak RSS per node of the null build against nodes, log-log, one line per variant and peer, error bars = 95% intervals]({ScaleCharts.FileName("peak-rss-per-node", operation)})\n\n");
                page.Append($"![Null-build time against nodes, log-log, one line per variant and peer]({ScaleCharts.FileName("time", operation)})\n\n");
            }
        }

        if (!model.Processes.HasEngine)
        {
            page.Append("These results (schema 1) did not measure the engine as a whole process; only the peers' dry runs are above.\n\n");
        }

        page.Append("## What the graph retains: managed heap per node\n\n");
        page.Append("Live managed heap the loaded graph keeps, after full blocking compacting collections with the graph alive, divided by its nodes: after loading and building (the figure the techniques are judged by) and, in brackets, after loading only. ");
        page.Append($"`toolkit bench`'s Retained/Node column is the after-load figure, measured the same way inside BenchmarkDotNet ([why the two differ]({links.Measuring("two-retained-figures")})).\n\n");
        var headers = new[] { "variant" }.Concat(model.Sizes.Select(s => PageText.SizeHeader(model.Analysis, s))).ToArray();
        page.Append(MarkdownTable.Render(headers, model.Variants.Select(v => (IReadOnlyList<string>)[v, .. model.Sizes.Select(s => Retained(model, v, s))])));
        page.Append($"\n![Managed heap retained per node against nodes, log-log, one line per variant, error bars = 95% intervals]({ScaleCharts.ManagedHeapFile})\n\n");
        page.Append("## Verdicts\n\n");
        page.Append(Verdicts(model));
        page.Append('\n').Append(PageText.VerdictRule).Append("\n\n");
        page.Append("## Where the memory goes\n\n");
        page.Append("Peak RSS is far above the retained graph: the rest is the runtime's fixed cost, garbage and free space the collector holds, and what loading and building allocate on the way. [Where the memory goes](memory.md) takes each variant's peak apart and links each part to the technique or setting that removes it.\n\n");
        page.Append("## Pages and exports\n\n");
        page.Append("- [Scaling: memory and time against nodes, per operation, growth per extra node](scaling.md)\n");
        page.Append("- [Where the memory goes, variant by variant](memory.md)\n");
        page.Append("- [Reducing memory: the optimizations ranked, and what combining them gives](reduce-memory.md)\n");
        foreach (var v in model.Analysis.Optimizations)
        {
            page.Append($"- [{TechniqueText.Title(model.Analysis, v)}](recommendations/{v}.md)\n");
        }

        page.Append($"- Every median and interval as BenchmarkDotNet exports them: [markdown]({ExportWriter.MarkdownFile}), [CSV]({ExportWriter.CsvFile}), [JSON]({ExportWriter.JsonFile})\n");
        page.Append($"- [How the measurements are made]({links.Measuring()})\n");
        return page.ToString();
    }

    /// <summary>The operations in headline order: null build (what people wait for), dry run, full build.</summary>
    public static IEnumerable<string> Ordered(IReadOnlyList<string> operations) =>
        new[] { ProcessOperations.NullBuild, ProcessOperations.DryRun, ProcessOperations.FullBuild }.Where(operations.Contains);

    /// <summary>An operation's heading.</summary>
    public static string Heading(string operation) => operation switch
    {
        ProcessOperations.NullBuild => "Null build (right after a full build: nothing to do)",
        ProcessOperations.DryRun => "Dry run on a clean tree (-n)",
        ProcessOperations.FullBuild => "Full build from a clean tree",
        _ => operation,
    };

    private static string Retained(PageModel model, string variant, int sources)
    {
        var a = model.Analysis;
        return a.Has(variant, sources)
            ? $"{Format.PerNode(a.Memory(variant, sources, MemoryMetric.RetainedAfterBuild))} [{Format.PerNode(a.Memory(variant, sources, MemoryMetric.RetainedAfterLoad).Value)}]"
            : "not run";
    }

    private static string Verdicts(PageModel model)
    {
        if (!model.Analysis.HasBaseline)
        {
            return "No baseline runs: no saving can be judged.\n";
        }

        return MarkdownTable.Render(
            ["optimization", "verdict (at the point it is judged)", "at each size"],
            model.Analysis.Optimizations.Select(v => model.Verdicts[v]).Select(v => (IReadOnlyList<string>)[
                $"[{v.Variant}](recommendations/{v.Variant}.md)",
                v.Judged is null ? "not measured beside baseline" : v.Judged.Text,
                v.SizeSummary()]));
    }

    private static string Headline(PageModel model)
    {
        var variant = model.Variants.Contains(HeadlineVariant) ? HeadlineVariant : model.Variants.LastOrDefault();
        var sources = model.Sizes.LastOrDefault(s => variant is not null && model.Processes.PeakRss(ProcessRecord.EngineTool, variant, s, ProcessOperations.NullBuild).Length > 0);
        if (variant is null || sources == 0)
        {
            return "The engine was not measured as a whole process in these results, so there is no process-level headline; the tables show what was measured.";
        }

        var nodes = model.Analysis.NodesAt(sources);
        string Cost(string tool, string? v)
        {
            var (rss, wall) = model.Process(tool, v, sources, ProcessOperations.NullBuild);
            return rss.Length == 0 ? string.Empty : $"{Format.Seconds(Bootstrap.Median(wall))}, peak {Format.Megabytes(Bootstrap.Median(rss))} ({Format.PerNode(Bootstrap.Median(rss) / nodes)} bytes/node)";
        }

        var text = new StringBuilder();
        text.Append($"At {Format.Count(sources)} sources ({Format.Count(nodes)} nodes), the null build of `{variant}`: {Cost(ProcessRecord.EngineTool, variant)}");
        if (variant != ScaleAnalysis.BaselineName && Cost(ProcessRecord.EngineTool, ScaleAnalysis.BaselineName) is { Length: > 0 } baseline)
        {
            text.Append($"; of baseline: {baseline}");
        }

        var peers = model.Processes.Peers.Select(p => (Peer: p, Cost: Cost(p, null))).Where(p => p.Cost.Length > 0).ToArray();
        if (peers.Length > 0)
        {
            text.Append("; ").Append(string.Join("; ", peers.Select(p => $"of {p.Peer}: {p.Cost}")));
        }

        text.Append('.');
        if (model.Analysis.Has(variant, sources) && model.Analysis.Has(ScaleAnalysis.BaselineName, sources))
        {
            text.Append($" The graph it keeps holds {Format.PerNode(model.Analysis.Memory(variant, sources, MemoryMetric.RetainedAfterBuild).Value)} bytes of managed heap per node against baseline's {Format.PerNode(model.Analysis.Memory(ScaleAnalysis.BaselineName, sources, MemoryMetric.RetainedAfterBuild).Value)}.");
        }

        return text.ToString();
    }
}
