using System.Text;

namespace Toolkit.Introspection.Reporting;

/// <summary>Horizontal bars with labels and byte values in inline SVG (largest instances, bytes per field).</summary>
internal static class BarChart
{
    private const int Width = 1000;
    private const int LabelWidth = 340;
    private const int ValueWidth = 90;
    private const int RowHeight = 22;

    public static string Render(IReadOnlyList<(string Label, long Bytes, int ColorIndex)> bars)
    {
        int height = (Math.Max(1, bars.Count) * RowHeight) + 10;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">");
        double max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Bytes));
        double plotW = Width - LabelWidth - ValueWidth;
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, bytes, color) = bars[i];
            int y = 5 + (i * RowHeight);
            double w = Math.Max(1, bytes / max * plotW);
            sb.Append($"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{Svg.Esc(Clip(label))}</text>");
            sb.Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Svg.N(w)}\" height=\"{RowHeight - 6}\" fill=\"{Svg.Color(color)}\"><title>{Svg.Esc(label)}: {bytes:N0} bytes</title></rect>");
            sb.Append($"<text x=\"{Svg.N(LabelWidth + w + 6)}\" y=\"{y + 15}\" font-size=\"12\">{ByteFormat.Format(bytes)}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>Labels longer than this are cut so the bars keep their room.</summary>
    private const int MaxLabel = 52;

    private static string Clip(string s) => s.Length <= MaxLabel ? s : s[..(MaxLabel - 1)] + "…";
}
