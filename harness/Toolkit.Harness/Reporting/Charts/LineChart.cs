using System.Security;
using System.Text;

namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// A log-log line chart as a small hand-written SVG: a white background (readable in dark mode), a
/// title and description for screen readers, a framed plot area (<c>rect class="plot-area"</c>),
/// decade ticks and labels on both axes, grid lines, one <c>g class="series"</c> per series with
/// a polyline, an error bar per point that has an interval (<c>path class="error-bar"</c>) and a
/// marker per point (hover text in each marker's <c>title</c>), an optional note under the plot, and a legend to
/// the right. Coordinates have one decimal, numbers are invariant, so the same data gives the same bytes.
/// </summary>
public sealed class LineChart
{
    /// <summary>The chart's width in SVG units (and CSS pixels at 100%): fits GitHub's content column.</summary>
    public const int Width = 840;

    /// <summary>The chart's height.</summary>
    public const int Height = 480;

    private const double PlotLeft = 92;
    private const double PlotTop = 56;
    private const double PlotRight = 612;
    private const double PlotBottom = 400;
    private const double LegendLeft = 634;
    private const double LegendRowHeight = 22;
    /// <summary>Half the width of an error bar's caps.</summary>
    private const double ErrorCap = 4;

    private const string FontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>The chart's title (shown and read by screen readers).</summary>
    public required string Title { get; init; }

    /// <summary>One sentence on what the chart shows.</summary>
    public required string Description { get; init; }

    /// <summary>The x axis' label.</summary>
    public required string XLabel { get; init; }

    /// <summary>The y axis' label.</summary>
    public required string YLabel { get; init; }

    /// <summary>Formats an x tick.</summary>
    public Func<double, string> XTick { get; init; } = Format.Short;

    /// <summary>Formats a y tick.</summary>
    public Func<double, string> YTick { get; init; } = Format.Short;

    /// <summary>A line under the plot (e.g. which lines coincide), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The lines, in legend order.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>The SVG text (LF line ends, final newline).</summary>
    public string ToSvg()
    {
        var points = Series.SelectMany(s => s.Points).Where(p => p.X > 0 && p.Y > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        var x = points.Length == 0 ? new LogScale(1, 10, PlotLeft, PlotRight) : new LogScale(points.Min(p => p.X), points.Max(p => p.X), PlotLeft, PlotRight);
        var y = points.Length == 0 ? new LogScale(1, 10, PlotBottom, PlotTop) : new LogScale(points.Min(p => p.HasErrorBar ? Math.Min(p.Y, p.Lower!.Value) : p.Y), points.Max(p => p.HasErrorBar ? Math.Max(p.Y, p.Upper!.Value) : p.Y), PlotBottom, PlotTop);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"{FontStack}\" font-size=\"12\">\n");
        svg.Append($"<title id=\"title\">{Escape(Title)}</title>\n");
        svg.Append($"<desc id=\"desc\">{Escape(Description)}</desc>\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        svg.Append($"<text x=\"{C(PlotLeft)}\" y=\"30\" font-size=\"16\" font-weight=\"600\" fill=\"#111111\">{Escape(Title)}</text>\n");
        AppendAxes(svg, x, y);
        foreach (var series in Series)
        {
            AppendSeries(svg, series, x, y);
        }

        AppendLegend(svg);
        if (Note is not null)
        {
            svg.Append($"<text class=\"note\" x=\"{C(PlotLeft)}\" y=\"{C(Height - 14)}\" fill=\"#555555\">{Escape(Note)}</text>\n");
        }

        if (points.Length == 0)
        {
            svg.Append($"<text x=\"{C((PlotLeft + PlotRight) / 2)}\" y=\"{C((PlotTop + PlotBottom) / 2)}\" text-anchor=\"middle\" fill=\"#666666\">no data</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private void AppendAxes(StringBuilder svg, LogScale x, LogScale y)
    {
        svg.Append("<g class=\"grid\" stroke-width=\"1\">\n");
        foreach (var (value, labelled) in x.Ticks())
        {
            var px = C(x.Map(value));
            svg.Append($"<line x1=\"{px}\" y1=\"{C(PlotTop)}\" x2=\"{px}\" y2=\"{C(PlotBottom)}\" stroke=\"{(labelled ? "#dddddd" : "#f0f0f0")}\"/>\n");
        }

        foreach (var (value, labelled) in y.Ticks())
        {
            var py = C(y.Map(value));
            svg.Append($"<line x1=\"{C(PlotLeft)}\" y1=\"{py}\" x2=\"{C(PlotRight)}\" y2=\"{py}\" stroke=\"{(labelled ? "#dddddd" : "#f0f0f0")}\"/>\n");
        }

        svg.Append("</g>\n");
        svg.Append($"<rect class=\"plot-area\" x=\"{C(PlotLeft)}\" y=\"{C(PlotTop)}\" width=\"{C(PlotRight - PlotLeft)}\" height=\"{C(PlotBottom - PlotTop)}\" fill=\"none\" stroke=\"#444444\"/>\n");
        svg.Append("<g class=\"x-axis\" text-anchor=\"middle\" fill=\"#333333\">\n");
        foreach (var (value, labelled) in x.Ticks())
        {
            var px = C(x.Map(value));
            svg.Append($"<line x1=\"{px}\" y1=\"{C(PlotBottom)}\" x2=\"{px}\" y2=\"{C(PlotBottom + (labelled ? 6 : 3))}\" stroke=\"#444444\"/>\n");
            if (labelled)
            {
                svg.Append($"<text x=\"{px}\" y=\"{C(PlotBottom + 20)}\">{Escape(XTick(value))}</text>\n");
            }
        }

        svg.Append($"<text class=\"axis-label\" x=\"{C((PlotLeft + PlotRight) / 2)}\" y=\"{C(PlotBottom + 44)}\" font-size=\"13\">{Escape(XLabel)}</text>\n");
        svg.Append("</g>\n");
        svg.Append("<g class=\"y-axis\" text-anchor=\"end\" fill=\"#333333\">\n");
        foreach (var (value, labelled) in y.Ticks())
        {
            var py = C(y.Map(value));
            svg.Append($"<line x1=\"{C(PlotLeft - (labelled ? 6 : 3))}\" y1=\"{py}\" x2=\"{C(PlotLeft)}\" y2=\"{py}\" stroke=\"#444444\"/>\n");
            if (labelled)
            {
                svg.Append($"<text x=\"{C(PlotLeft - 9)}\" y=\"{C(y.Map(value) + 4)}\">{Escape(YTick(value))}</text>\n");
            }
        }

        var middle = C((PlotTop + PlotBottom) / 2);
        svg.Append($"<text class=\"axis-label\" x=\"22\" y=\"{middle}\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 22 {middle})\">{Escape(YLabel)}</text>\n");
        svg.Append("</g>\n");
    }

    private static void AppendSeries(StringBuilder svg, ChartSeries series, LogScale x, LogScale y)
    {
        var style = series.Style;
        var dash = style.Dash is null ? string.Empty : $" stroke-dasharray=\"{style.Dash}\"";
        svg.Append($"<g class=\"series\" data-series=\"{Escape(series.Name)}\">\n<title>{Escape(series.Label)}</title>\n");
        var drawn = series.Points.Where(p => p.X > 0 && p.Y > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray();
        if (drawn.Length > 1)
        {
            var coordinates = string.Join(" ", drawn.Select(p => $"{C(x.Map(p.X))},{C(y.Map(p.Y))}"));
            svg.Append($"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{style.Colour}\" stroke-width=\"{C(style.Width)}\"{dash} stroke-linejoin=\"round\"/>\n");
        }

        foreach (var point in drawn.Where(p => p.HasErrorBar))
        {
            // The interval as a vertical bar with caps, under the marker.
            var px = x.Map(point.X);
            var (top, bottom) = (C(y.Map(point.Upper!.Value)), C(y.Map(point.Lower!.Value)));
            svg.Append($"<path class=\"error-bar\" d=\"M{C(px)} {top}V{bottom}M{C(px - ErrorCap)} {top}H{C(px + ErrorCap)}M{C(px - ErrorCap)} {bottom}H{C(px + ErrorCap)}\" stroke=\"{style.Colour}\" stroke-width=\"1.2\" fill=\"none\"/>\n");
        }

        var fill = style.Dash is null ? style.Colour : "#ffffff";
        foreach (var point in drawn)
        {
            svg.Append($"<circle cx=\"{C(x.Map(point.X))}\" cy=\"{C(y.Map(point.Y))}\" r=\"3.5\" fill=\"{fill}\" stroke=\"{style.Colour}\" stroke-width=\"1.5\"><title>{Escape(point.Tooltip)}</title></circle>\n");
        }

        svg.Append("</g>\n");
    }

    private void AppendLegend(StringBuilder svg)
    {
        svg.Append("<g class=\"legend\" fill=\"#222222\">\n");
        for (var i = 0; i < Series.Count; i++)
        {
            var series = Series[i];
            var style = series.Style;
            var rowY = PlotTop + 10 + (i * LegendRowHeight);
            var dash = style.Dash is null ? string.Empty : $" stroke-dasharray=\"{style.Dash}\"";
            var fill = style.Dash is null ? style.Colour : "#ffffff";
            var muted = series.Points.Count == 0;
            svg.Append($"<line x1=\"{C(LegendLeft)}\" y1=\"{C(rowY)}\" x2=\"{C(LegendLeft + 30)}\" y2=\"{C(rowY)}\" stroke=\"{style.Colour}\" stroke-width=\"{C(style.Width)}\"{dash}{(muted ? " opacity=\"0.4\"" : string.Empty)}/>\n");
            if (!muted)
            {
                svg.Append($"<circle cx=\"{C(LegendLeft + 15)}\" cy=\"{C(rowY)}\" r=\"3.5\" fill=\"{fill}\" stroke=\"{style.Colour}\" stroke-width=\"1.5\"/>\n");
            }

            var text = series.Note is null ? series.Label : $"{series.Label} ({series.Note})";
            svg.Append($"<text x=\"{C(LegendLeft + 38)}\" y=\"{C(rowY + 4)}\"{(muted ? " fill=\"#888888\"" : string.Empty)}>{Escape(text)}</text>\n");
        }

        svg.Append("</g>\n");
    }

    private static string C(double value) => Format.Coordinate(value);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
