using System.Text;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>results/README.md: the headline (bytes per node of each variant and peer at each size), the chart, the verdicts and links.</summary>
public static class ReadmePage
{
    /// <summary>The page's text.</summary>
    public static string Render(ScaleAnalysis analysis, string chartPath)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var page = new StringBuilder();
        page.Append("# Scaling results\n\n");
        page.Append(PageText.Provenance(analysis.Results)).Append("\n\n");
        page.Append("## Headline\n\n");
        page.Append(Headline(analysis)).Append("\n\n");
        page.Append("### Managed heap per node (engine variants)\n\n");
        page.Append("Live managed heap after loading and building, graph kept alive, divided by the graph's nodes.\n\n");
        var headers = new[] { "variant" }.Concat(analysis.Sizes.Select(s => PageText.SizeHeader(analysis, s))).ToArray();
        page.Append(MarkdownTable.Render(headers, analysis.Variants.Select(v =>
            (IReadOnlyList<string>)[v, .. analysis.Sizes.Select(s => analysis.Has(v, s) ? Format.PerNode(analysis.Memory(v, s, MemoryMetric.RetainedAfterBuild)) : "not run")])));
        page.Append('\n').Append(PageText.IntervalMethod).Append("\n\n");
        page.Append("### Peak RSS per node (every tool, whole process)\n\n");
        page.Append("Peak resident memory of the whole process divided by the project's nodes: the only figure the peers have. It includes each tool's fixed cost (the .NET runtime, make's or Python's own memory), which is why it falls with size; [scaling](scaling.md) compares growth per extra node instead.\n\n");
        var rows = analysis.Variants.Select(v => (IReadOnlyList<string>)[v, .. analysis.Sizes.Select(s => analysis.Has(v, s) ? Format.PerNode(analysis.MedianPeakRss(v, s) / analysis.NodesAt(s)) : "not run")])
            .Concat(analysis.Peers.Select(p => (IReadOnlyList<string>)[p.Tool, .. analysis.Sizes.Select(s => PeerCell(analysis, p, s))]));
        page.Append(MarkdownTable.Render(["tool", .. headers.Skip(1)], rows));
        page.Append('\n');
        page.Append($"![Peak RSS per node against nodes, log-log, one line per variant and peer]({chartPath})\n\n");
        page.Append("## Recommendations\n\n");
        page.Append(MarkdownTable.Render(["optimization", "verdict (computed from the data)"], analysis.Optimizations.Select(v =>
            (IReadOnlyList<string>)[$"[{v}](recommendations/{v}.md)", Verdict.Of(analysis, v, analysis.JudgedBy(v)).Text])));
        page.Append("\n## Pages\n\n");
        page.Append("- [Scaling: memory and time against nodes, growth per extra node](scaling.md)\n");
        page.Append("- [Reducing memory: the optimizations ranked, and what combining them gives](reduce-memory.md)\n");
        foreach (var v in analysis.Optimizations)
        {
            page.Append($"- [{analysis.Technique(v)?.Title ?? v}](recommendations/{v}.md)\n");
        }

        page.Append("- [How the measurements are made](../docs/measuring.md)\n");
        return page.ToString();
    }

    private static string Headline(ScaleAnalysis analysis)
    {
        if (!analysis.HasBaseline)
        {
            return "No baseline runs in these results, so no saving can be computed; the tables show what was measured.";
        }

        var best = analysis.Optimizations
            .Where(v => analysis.LargestComparableSize(v) is not null)
            .Select(v => (Variant: v, Sources: analysis.LargestComparableSize(v)!.Value))
            .OrderByDescending(c => c.Sources)
            .ThenByDescending(c => analysis.Saving(c.Variant, c.Sources, MemoryMetric.RetainedAfterBuild).Value)
            .ThenBy(c => c.Variant, StringComparer.Ordinal)
            .Select(c => ((string Variant, int Sources)?)c)
            .FirstOrDefault();
        if (best is not (string variant, int sources))
        {
            return "Only baseline was measured: there is nothing to compare it with yet.";
        }

        var baseline = analysis.Memory(ScaleAnalysis.BaselineName, sources, MemoryMetric.RetainedAfterBuild);
        var value = analysis.Memory(variant, sources, MemoryMetric.RetainedAfterBuild);
        var saving = analysis.Saving(variant, sources, MemoryMetric.RetainedAfterBuild);
        return $"At {Format.Count(sources)} sources ({Format.Count(analysis.NodesAt(sources))} nodes) the `{variant}` variant, the one that saves most, holds " +
            $"{Format.PerNode(value.Value)} bytes of managed heap per node against baseline's {Format.PerNode(baseline.Value)}: " +
            $"{Format.PerNode(saving.Value)} bytes per node less (95% CI {Format.PerNode(saving.Lower)} to {Format.PerNode(saving.Upper)}), " +
            $"{Format.Percent(saving.Value / baseline.Value)} of baseline.";
    }

    private static string PeerCell(ScaleAnalysis analysis, PeerSeries peer, int sources)
    {
        if (!peer.BySize.TryGetValue(sources, out var record))
        {
            return "not run";
        }

        return record.SkippedBecause is not null
            ? "skipped"
            : Format.PerNode(ScaleAnalysis.MedianPeakRss(peer, sources)!.Value / analysis.NodesAt(sources));
    }
}
