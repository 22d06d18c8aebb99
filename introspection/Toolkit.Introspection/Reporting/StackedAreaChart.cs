using System.Text;

namespace Toolkit.Introspection.Reporting;

/// <summary>Memory per type over time as a stacked area chart in inline SVG (x: seconds, y: bytes); the legend is page text (<see cref="Legend"/>), so long type names wrap instead of running off.</summary>
internal static class StackedAreaChart
{
    private const int Width = 1000;
    private const int Height = 360;
    private const int Left = 80;
    private const int Right = 24;
    private const int Top = 16;
    private const int Bottom = 40;

    public static string Render(IReadOnlyList<double> xsMs, IReadOnlyList<(string Name, long[] Values)> series)
    {
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        int n = xsMs.Count;
        if (n == 0 || series.Count == 0)
        {
            return sb.Append("<text x=\"20\" y=\"30\">no snapshots</text></svg>").ToString();
        }

        double xMin = xsMs[0];
        double xMax = Math.Max(xsMs[^1], xMin + 1);
        var top = new double[n];
        for (int i = 0; i < n; i++)
        {
            top[i] = series.Sum(s => (double)s.Values[i]);
        }

        double yMax = Math.Max(1, top.Max());
        double yStep = Svg.ByteStep(yMax, 5);
        yMax = Math.Ceiling(yMax / yStep) * yStep;
        double plotW = Width - Left - Right;
        double plotH = Height - Top - Bottom;
        double X(double ms) => Left + (n == 1 ? plotW / 2 : (ms - xMin) / (xMax - xMin) * plotW);
        double Y(double b) => Top + plotH - (b / yMax * plotH);

        for (double y = 0; y <= yMax + (yStep / 2); y += yStep)
        {
            sb.Append($"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Svg.N(Y(y))}\" y2=\"{Svg.N(Y(y))}\" stroke=\"#ddd\"/>");
            sb.Append($"<text x=\"{Left - 6}\" y=\"{Svg.N(Y(y) + 4)}\" text-anchor=\"end\" font-size=\"11\">{ByteFormat.Format((long)y)}</text>");
        }

        double xStep = Svg.Step((xMax - xMin) / 1000, 6) * 1000;
        for (double x = Math.Ceiling(xMin / xStep) * xStep; x <= xMax; x += xStep)
        {
            // The first and last tick labels start and end at the plot's edges instead of being centred past them (into the y labels).
            string anchor = X(x) < Left + 20 ? "start" : X(x) > Left + plotW - 20 ? "end" : "middle";
            sb.Append($"<line x1=\"{Svg.N(X(x))}\" x2=\"{Svg.N(X(x))}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"#eee\"/>");
            sb.Append($"<text x=\"{Svg.N(X(x))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"{anchor}\" font-size=\"11\">{Svg.N(x / 1000)} s</text>");
        }

        var baseLine = new double[n];
        for (int s = 0; s < series.Count; s++)
        {
            var path = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                path.Append(i == 0 ? 'M' : 'L').Append(Svg.N(X(xsMs[i]))).Append(',').Append(Svg.N(Y(baseLine[i] + series[s].Values[i]))).Append(' ');
            }

            for (int i = n - 1; i >= 0; i--)
            {
                path.Append('L').Append(Svg.N(X(xsMs[i]))).Append(',').Append(Svg.N(Y(baseLine[i]))).Append(' ');
                baseLine[i] += series[s].Values[i];
            }

            string title = Svg.Esc(series[s].Name);
            sb.Append($"<path d=\"{path}Z\" fill=\"{Svg.Color(s)}\" fill-opacity=\"0.85\" stroke=\"{Svg.Color(s)}\"><title>{title}</title></path>");
            if (n == 1)
            {
                sb.Append($"<rect x=\"{Svg.N(X(xsMs[0]) - 20)}\" y=\"{Svg.N(Y(baseLine[0]))}\" width=\"40\" height=\"{Svg.N(Y(baseLine[0] - series[s].Values[0]) - Y(baseLine[0]))}\" fill=\"{Svg.Color(s)}\"/>");
            }

        }

        foreach (double x in xsMs)
        {
            sb.Append($"<line x1=\"{Svg.N(X(x))}\" x2=\"{Svg.N(X(x))}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH + 5}\" stroke=\"#333\"/>");
        }

        sb.Append($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"#333\"/>");
        sb.Append($"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" stroke=\"#333\"/>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>The series' names and colours as an HTML list that wraps.</summary>
    public static string Legend(IReadOnlyList<(string Name, long[] Values)> series)
    {
        var sb = new StringBuilder("<ul class=\"legend\">");
        for (int s = 0; s < series.Count; s++)
        {
            sb.Append($"<li><span class=\"swatch\" style=\"background:{Svg.Color(s)}\"></span>{Svg.Esc(series[s].Name)}</li>");
        }

        return sb.Append("</ul>").ToString();
    }
}
