namespace Toolkit.Harness.Reporting.Charts;

/// <summary>One line of a chart: a variant or a peer. A series without points is listed in the legend with its note (a skipped peer).</summary>
public sealed record ChartSeries(string Name, string Label, SeriesStyle Style, IReadOnlyList<ChartPoint> Points, string? Note = null);
