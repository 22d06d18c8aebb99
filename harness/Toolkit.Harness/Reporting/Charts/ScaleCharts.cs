namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// The charts of the pages, built from the analysis: one series per variant (solid) and per peer
/// (dashed; a skipped peer appears in the legend only), x = the project's nodes, log-log.
/// </summary>
public static class ScaleCharts
{
    /// <summary>Peak RSS per node vs nodes (README): the like-with-like figure every tool has.</summary>
    public static LineChart PeakRssPerNode(ScaleAnalysis analysis) => Build(
        analysis,
        "Peak RSS per node",
        "Whole-process peak resident memory divided by the project's nodes, median of the runs, for each engine variant and each peer tool, against the number of nodes (log-log).",
        "peak RSS per node (1 kB = 1,000 bytes)",
        (variant, sources) => analysis.MedianPeakRss(variant, sources) / analysis.NodesAt(sources),
        (peer, sources) => ScaleAnalysis.MedianPeakRss(peer, sources) / analysis.NodesAt(sources),
        v => Format.PerNode(v) + " bytes/node",
        Format.ShortBytes);

    /// <summary>Peak RSS vs nodes (scaling.md).</summary>
    public static LineChart Memory(ScaleAnalysis analysis) => Build(
        analysis,
        "Memory vs nodes",
        "Whole-process peak resident memory, median of the runs, for each engine variant and each peer tool, against the number of nodes (log-log).",
        "peak RSS (1 MB = 10⁶ bytes)",
        (variant, sources) => analysis.MedianPeakRss(variant, sources),
        (peer, sources) => ScaleAnalysis.MedianPeakRss(peer, sources),
        Format.Megabytes,
        Format.ShortBytes);

    /// <summary>Time vs nodes (scaling.md): the engine's load time beside the peers' dry-run wall time.</summary>
    public static LineChart Time(ScaleAnalysis analysis) => Build(
        analysis,
        "Time vs nodes",
        "Engine variants: median time to open the project (read the manifest, scan, apply the database). Peers: median wall time of the dry run. Against the number of nodes (log-log).",
        "seconds",
        (variant, sources) => analysis.MedianTime(variant, sources, TimeMetric.Load),
        (peer, sources) => ScaleAnalysis.MedianWallSeconds(peer, sources),
        Format.Seconds,
        v => Format.Short(v) + " s");

    private static LineChart Build(
        ScaleAnalysis analysis,
        string title,
        string description,
        string yLabel,
        Func<string, int, double> variantValue,
        Func<PeerSeries, int, double?> peerValue,
        Func<double, string> valueText,
        Func<double, string>? yTick = null)
    {
        var series = new List<ChartSeries>();
        var optimizationIndex = 0;
        foreach (var variant in analysis.Variants)
        {
            var style = SeriesPalette.Variant(variant, variant is ScaleAnalysis.BaselineName or "optimized" ? 0 : optimizationIndex++);
            var points = analysis.SizesOf(variant)
                .Select(s => Point(analysis, variant, s, variantValue(variant, s), valueText))
                .ToArray();
            series.Add(new ChartSeries(variant, variant, style, points));
        }

        for (var i = 0; i < analysis.Peers.Count; i++)
        {
            var peer = analysis.Peers[i];
            var points = peer.MeasuredSizes
                .Select(s => (Sources: s, Value: peerValue(peer, s)))
                .Where(p => p.Value is not null)
                .Select(p => Point(analysis, peer.Tool, p.Sources, p.Value!.Value, valueText))
                .ToArray();
            series.Add(new ChartSeries(peer.Tool, peer.Tool, SeriesPalette.Peer(i), points, points.Length == 0 ? "skipped" : null));
        }

        return new LineChart
        {
            Title = title,
            Description = description,
            XLabel = "nodes in the build graph",
            YLabel = yLabel,
            YTick = yTick ?? Format.Short,
            Series = series,
        };
    }

    private static ChartPoint Point(ScaleAnalysis analysis, string name, int sources, double value, Func<double, string> valueText) =>
        new(analysis.NodesAt(sources), value, $"{name}, {Format.Count(sources)} sources ({Format.Count(analysis.NodesAt(sources))} nodes): {valueText(value)}");
}
