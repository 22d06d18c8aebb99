namespace Toolkit.Harness.Reporting.Charts;

/// <summary>How a series is drawn: stroke colour, width and dash pattern (null = solid).</summary>
public sealed record SeriesStyle(string Colour, double Width, string? Dash);
