using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// The charts of the pages: one series per engine variant (solid) and per peer (dashed; a peer never
/// measured appears in the legend only), x = the project's nodes, log-log, each point the median of
/// the counted runs with its 95% bootstrap interval as an error bar; a note under the plot names the
/// lines that coincide (<see cref="Coincidence"/>). Whole-process charts come one per operation, so
/// a dry run is only ever drawn beside dry runs.
/// </summary>
public static class ScaleCharts
{
    /// <summary>The file name of an operation's chart of <paramref name="figure"/> ("peak-rss", "peak-rss-per-node", "time").</summary>
    public static string FileName(string figure, string operation) => $"charts/{figure}-{operation}.svg";

    /// <summary>The file of the managed-heap chart.</summary>
    public const string ManagedHeapFile = "charts/managed-heap.svg";

    /// <summary>Peak RSS of every tool doing <paramref name="operation"/>.</summary>
    public static LineChart PeakRss(PageModel model, string operation) => Process(
        model,
        operation,
        $"Peak RSS, {ProcessOperations.Label(operation)}",
        $"Whole-process peak resident memory of the {ProcessOperations.Label(operation)} (rusage), median of the counted runs with its 95% interval, for each engine variant and each peer, against the number of nodes (log-log).",
        "peak RSS (1 MB = 10⁶ bytes)",
        (rss, _, _) => rss,
        Format.Megabytes,
        Format.ShortBytes);

    /// <summary>Peak RSS per node of every tool doing <paramref name="operation"/>.</summary>
    public static LineChart PeakRssPerNode(PageModel model, string operation) => Process(
        model,
        operation,
        $"Peak RSS per node, {ProcessOperations.Label(operation)}",
        $"Whole-process peak resident memory of the {ProcessOperations.Label(operation)} divided by the project's nodes, median of the counted runs with its 95% interval, for each engine variant and each peer (log-log).",
        "peak RSS per node (1 kB = 1,000 bytes)",
        (rss, _, nodes) => rss / nodes,
        v => Format.PerNode(v) + " bytes/node",
        Format.ShortBytes);

    /// <summary>Wall time of every tool doing <paramref name="operation"/>.</summary>
    public static LineChart Time(PageModel model, string operation) => Process(
        model,
        operation,
        $"Time, {ProcessOperations.Label(operation)}",
        $"Wall time of the {ProcessOperations.Label(operation)}, one clock for every tool, median of the counted runs with its 95% interval, against the number of nodes (log-log).",
        "seconds",
        (_, wall, _) => wall,
        Format.Seconds,
        v => Format.Short(v) + " s",
        wallTime: true);

    /// <summary>The managed heap the graph retains per node, engine variants only (the peers have no managed heap).</summary>
    public static LineChart ManagedHeap(PageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var analysis = model.Analysis;
        var series = Variants(model, (variant, index) => analysis.SizesOf(variant).Select(s =>
            Point(analysis.NodesAt(s), analysis.Memory(variant, s, MemoryMetric.RetainedAfterBuild), $"{variant}, {Format.Count(s)} sources", v => Format.PerNode(v) + " bytes/node")).ToArray());
        return Chart(
            "Managed heap retained per node",
            "Live managed heap the graph keeps after loading and building (full compacting collections, graph alive) divided by the nodes, median with its 95% interval, per engine variant (log-log).",
            "retained bytes per node",
            Format.ShortBytes,
            series);
    }

    private static LineChart Process(PageModel model, string operation, string title, string description, string yLabel, Func<double, double, long, double> value, Func<double, string> text, Func<double, string> tick, bool wallTime = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var series = Variants(model, (variant, _) => Points(model, ProcessRecord.EngineTool, variant, operation, value, text, wallTime));
        var peers = model.Processes.Peers;
        for (var i = 0; i < peers.Count; i++)
        {
            var points = Points(model, peers[i], null, operation, value, text, wallTime);
            series.Add(new ChartSeries(peers[i], peers[i], SeriesPalette.Peer(i), points, points.Length == 0 ? "not measured" : null));
        }

        return Chart(title, description, yLabel, tick, series);
    }

    private static ChartPoint[] Points(PageModel model, string tool, string? variant, string operation, Func<double, double, long, double> value, Func<double, string> text, bool wallTime)
    {
        var points = new List<ChartPoint>();
        foreach (var sources in model.Sizes)
        {
            var (rss, wall) = model.Process(tool, variant, sources, operation);
            var sample = wallTime ? wall : rss;
            if (sample.Length == 0)
            {
                continue;
            }

            var nodes = model.Analysis.NodesAt(sources);
            var median = Bootstrap.MedianInterval(sample.Select(v => wallTime ? value(0, v, nodes) : value(v, 0, nodes)).ToArray());
            points.Add(Point(nodes, median, $"{variant ?? tool}, {Format.Count(sources)} sources", text));
        }

        return [.. points];
    }

    private static List<ChartSeries> Variants(PageModel model, Func<string, int, ChartPoint[]> points)
    {
        var series = new List<ChartSeries>();
        var optimizationIndex = 0;
        foreach (var variant in model.Variants)
        {
            var style = SeriesPalette.Variant(variant, variant is ScaleAnalysis.BaselineName or "optimized" ? 0 : optimizationIndex++);
            series.Add(new ChartSeries(variant, variant, style, points(variant, optimizationIndex)));
        }

        return series;
    }

    private static LineChart Chart(string title, string description, string yLabel, Func<double, string> tick, List<ChartSeries> series) => new()
    {
        Title = title,
        Description = description,
        XLabel = "nodes in the build graph",
        YLabel = yLabel,
        YTick = tick,
        Series = series,
        Note = Coincidence.Describe(series),
    };

    private static ChartPoint Point(long nodes, Estimate median, string name, Func<double, string> text) =>
        new(nodes, median.Value, $"{name} ({Format.Count(nodes)} nodes): {text(median.Value)} (95% CI {text(median.Lower)} to {text(median.Upper)})", median.Lower, median.Upper);
}
