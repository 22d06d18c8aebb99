using System.Text;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/scaling.md: memory and time against nodes (charts and the tables behind them), and the
/// growth per extra node of each variant and peer, with why growth is the like-with-like comparison.
/// </summary>
public static class ScalingPage
{
    /// <summary>The page's text.</summary>
    public static string Render(ScaleAnalysis analysis, string memoryChart, string timeChart)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var page = new StringBuilder();
        page.Append("# Scaling: memory and time against nodes\n\n");
        page.Append(PageText.Provenance(analysis.Results)).Append(" [Back to the results](README.md).\n\n");
        page.Append("## Comparing like with like\n\n");
        page.Append("The engine's variants are measured in two ways: the live managed heap the graph holds (exact, after full compacting collections) and the whole process's peak resident memory (VmHWM). ");
        page.Append("The peers (make, ninja, scons) can only be measured the second way. Peak RSS includes a fixed cost that has nothing to do with the graph: the .NET runtime and JIT for the engine, the interpreter for SCons, the program itself for make and ninja. ");
        page.Append("Dividing peak RSS by the node count therefore flatters large projects and punishes runtimes with a big start-up.\n\n");
        page.Append("The fair comparison is the **growth per extra node**: the rise of peak RSS between two sizes divided by the rise in nodes, (RSS₂ − RSS₁) / (nodes₂ − nodes₁). The fixed cost cancels, and what remains is what each tool spends on each node of its graph. ");
        page.Append("It is computed the same way for the peers and for the engine's variants (from their peak RSS), and shown beside the engine's managed-heap growth, which is normally below its peak-RSS growth (RSS also holds the garbage collector's free space and the allocations of loading). ");
        page.Append("Node counts are the project's own (the generator's count at that size) for every tool.\n\n");
        page.Append(PageText.IntervalMethod).Append("\n\n");

        page.Append("## Memory against nodes\n\n");
        page.Append($"![Peak RSS against nodes, log-log, one line per variant and peer]({memoryChart})\n\n");
        page.Append("### Peak RSS (median of the runs)\n\n");
        page.Append(MarkdownTable.Render(SizeHeaders(analysis, "series"), Rows(analysis,
            (v, s) => Format.Megabytes(analysis.MedianPeakRss(v, s)),
            (p, s) => ScaleAnalysis.MedianPeakRss(p, s) is double rss ? Format.Megabytes(rss) : Missing(p, s))));
        page.Append("\n### Growth of peak RSS per extra node (bytes)\n\n");
        page.Append(GrowthTable(analysis,
            (v, s) => analysis.MedianPeakRss(v, s),
            (p, s) => ScaleAnalysis.MedianPeakRss(p, s),
            Format.PerNode));
        page.Append("\n### Managed heap of the engine's variants\n\n");
        page.Append("Retained bytes per node after loading and building (median and interval), and the growth of the retained bytes per extra node.\n\n");
        page.Append(MarkdownTable.Render(SizeHeaders(analysis, "variant"), analysis.Variants.Select(v =>
            (IReadOnlyList<string>)[v, .. analysis.Sizes.Select(s => analysis.Has(v, s) ? Format.PerNode(analysis.Memory(v, s, MemoryMetric.RetainedAfterBuild)) : "not run")])));
        page.Append('\n');
        page.Append(GrowthTable(analysis,
            (v, s) => Bootstrap.Median(analysis.Sample(v, s, r => r.RetainedBytesAfterBuild)),
            null,
            Format.PerNode));

        page.Append("\n## Time against nodes\n\n");
        page.Append("For the engine: the time to open the project (read the manifest, scan includes, apply the signature database), the part of a build that grows with the graph. For the peers: the wall time of the dry run (`make -n`, `ninja -n`, `scons -n`), which parses the build description, builds the graph and decides what is out of date.\n\n");
        page.Append($"![Time against nodes, log-log, one line per variant and peer]({timeChart})\n\n");
        page.Append("### Time (median of the runs)\n\n");
        page.Append(MarkdownTable.Render(SizeHeaders(analysis, "series"), Rows(analysis,
            (v, s) => Format.Seconds(analysis.MedianTime(v, s, TimeMetric.Load)),
            (p, s) => ScaleAnalysis.MedianWallSeconds(p, s) is double t ? Format.Seconds(t) : Missing(p, s))));
        page.Append("\n### Growth of time per extra node (microseconds)\n\n");
        page.Append(GrowthTable(analysis,
            (v, s) => analysis.MedianTime(v, s, TimeMetric.Load),
            ScaleAnalysis.MedianWallSeconds,
            Format.Microseconds));

        var skipped = analysis.Peers.SelectMany(p => p.BySize.Where(b => b.Value.SkippedBecause is not null).OrderBy(b => b.Key).Select(b => (p.Tool, Sources: b.Key, Reason: b.Value.SkippedBecause!))).ToArray();
        if (skipped.Length > 0)
        {
            page.Append("\n## Peers not measured\n\n");
            foreach (var group in skipped.GroupBy(s => (s.Tool, s.Reason)))
            {
                page.Append($"- {group.Key.Tool} at {string.Join(", ", group.Select(s => Format.Count(s.Sources)))} sources: {group.Key.Reason}\n");
            }
        }

        return page.ToString();
    }

    private static string[] SizeHeaders(ScaleAnalysis analysis, string first) =>
        [first, .. analysis.Sizes.Select(s => PageText.SizeHeader(analysis, s))];

    private static IEnumerable<IReadOnlyList<string>> Rows(ScaleAnalysis analysis, Func<string, int, string> variant, Func<PeerSeries, int, string> peer) =>
        analysis.Variants.Select(v => (IReadOnlyList<string>)[v, .. analysis.Sizes.Select(s => analysis.Has(v, s) ? variant(v, s) : "not run")])
            .Concat(analysis.Peers.Select(p => (IReadOnlyList<string>)[p.Tool + " (peer)", .. analysis.Sizes.Select(s => peer(p, s))]));

    private static string Missing(PeerSeries peer, int sources) =>
        peer.BySize.TryGetValue(sources, out var record) && record.SkippedBecause is not null ? "skipped" : "not run";

    private static string GrowthTable(ScaleAnalysis analysis, Func<string, int, double> variant, Func<PeerSeries, int, double?>? peer, Func<double, string> format)
    {
        var pairs = analysis.Sizes.Zip(analysis.Sizes.Skip(1)).ToArray();
        if (pairs.Length == 0)
        {
            return "One size only: growth needs two.\n";
        }

        var headers = new[] { "series" }.Concat(pairs.Select(p => $"{Format.Count(analysis.NodesAt(p.First))} → {Format.Count(analysis.NodesAt(p.Second))} nodes")).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var v in analysis.Variants)
        {
            rows.Add([v, .. pairs.Select(p => analysis.Has(v, p.First) && analysis.Has(v, p.Second) ? Step(analysis, p, variant(v, p.First), variant(v, p.Second), format) : "–")]);
        }

        if (peer is not null)
        {
            foreach (var p in analysis.Peers)
            {
                rows.Add([p.Tool + " (peer)", .. pairs.Select(pair => peer(p, pair.First) is double a && peer(p, pair.Second) is double b ? Step(analysis, pair, a, b, format) : "–")]);
            }
        }

        return MarkdownTable.Render(headers, rows);
    }

    private static string Step(ScaleAnalysis analysis, (int First, int Second) pair, double from, double to, Func<double, string> format)
    {
        var steps = Growth.Steps([(analysis.NodesAt(pair.First), from), (analysis.NodesAt(pair.Second), to)]);
        return steps.Count == 1 ? format(steps[0].PerNode) : "–";
    }
}
