namespace Toolkit.Harness.Reporting.Charts;

/// <summary>One point of a series, with the text a reader sees when hovering it, and its interval drawn as an error bar (when both bounds are given and differ from the value).</summary>
/// <param name="X">The x value (nodes).</param>
/// <param name="Y">The y value (a median).</param>
/// <param name="Tooltip">The hover text.</param>
/// <param name="Lower">The interval's lower bound, or null.</param>
/// <param name="Upper">The interval's upper bound, or null.</param>
public sealed record ChartPoint(double X, double Y, string Tooltip, double? Lower = null, double? Upper = null)
{
    /// <summary>True when the point has an interval to draw.</summary>
    public bool HasErrorBar => Lower is > 0 && Upper is { } upper && double.IsFinite(upper) && upper > Lower;
}
