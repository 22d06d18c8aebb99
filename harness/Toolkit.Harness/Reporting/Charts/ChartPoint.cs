namespace Toolkit.Harness.Reporting.Charts;

/// <summary>One point of a series, with the text a reader sees when hovering it.</summary>
public sealed record ChartPoint(double X, double Y, string Tooltip);
