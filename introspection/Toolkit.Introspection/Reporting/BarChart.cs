using System.Text;

namespace Toolkit.Introspection.Reporting;

/// <summary>
/// Horizontal bars with labels and byte values (largest instances, bytes per field) as an HTML table:
/// the label is page text that wraps in its column, so a long type name never runs off the chart.
/// </summary>
internal static class BarChart
{
    public static string Render(IReadOnlyList<(string Label, long Bytes, int ColorIndex)> bars)
    {
        var sb = new StringBuilder("<table class=\"bars\">");
        double max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Bytes));
        foreach (var (label, bytes, color) in bars)
        {
            double percent = Math.Max(0.2, bytes / max * 100);
            sb.Append("<tr><td class=\"label\">").Append(Svg.Esc(label)).Append("</td><td class=\"bar\">")
                .Append($"<div style=\"width:{Svg.N(percent)}%;background:{Svg.Color(color)}\" title=\"{Svg.Esc(label)}: {bytes:N0} bytes\"></div></td>")
                .Append("<td class=\"n\">").Append(ByteFormat.Format(bytes)).Append("</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
