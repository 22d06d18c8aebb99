using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>Instance lifetimes as horizontal bars from birth to death detection (open-ended while alive), coloured by type, in inline SVG.</summary>
internal static class LifetimeChart
{
    private const int Width = 1000;
    private const int LabelWidth = 240;
    private const int Right = 20;
    private const int RowHeight = 14;
    private const int AxisHeight = 30;

    public static string Render(IReadOnlyList<InstanceRecord> instances, double endMs, IReadOnlyList<string> typeOrder)
    {
        int height = (Math.Max(1, instances.Count) * RowHeight) + AxisHeight + 10;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">");
        double xMax = Math.Max(1, endMs);
        double plotW = Width - LabelWidth - Right;
        double X(double ms) => LabelWidth + (ms / xMax * plotW);
        double xStep = Svg.Step(xMax / 1000, 8) * 1000;
        int axisY = (instances.Count * RowHeight) + 8;
        for (double x = 0; x <= xMax; x += xStep)
        {
            sb.Append($"<line x1=\"{Svg.N(X(x))}\" x2=\"{Svg.N(X(x))}\" y1=\"4\" y2=\"{axisY}\" stroke=\"#eee\"/>");
            sb.Append($"<text x=\"{Svg.N(X(x))}\" y=\"{axisY + 16}\" text-anchor=\"middle\" font-size=\"11\">{Svg.N(x / 1000)} s</text>");
        }

        for (int i = 0; i < instances.Count; i++)
        {
            var inst = instances[i];
            int y = 6 + (i * RowHeight);
            int color = Math.Max(0, IndexOf(typeOrder, inst.TypeName));
            double end = inst.DiedMs ?? endMs;
            string label = $"#{inst.Id} {inst.Name ?? inst.TypeName}";
            sb.Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 10}\" text-anchor=\"end\" font-size=\"10\">{Svg.Esc(label.Length > 38 ? label[..37] + "…" : label)}</text>");
            string opacity = inst.DiedMs is null ? "0.45" : "0.9";
            string tip = inst.DiedMs is null ? "alive" : $"died by {Svg.N(inst.DiedMs.Value)} ms (last seen {Svg.N(inst.LastSeenMs)} ms)";
            sb.Append($"<rect x=\"{Svg.N(X(inst.BornMs))}\" y=\"{y}\" width=\"{Svg.N(Math.Max(2, X(end) - X(inst.BornMs)))}\" height=\"{RowHeight - 4}\" fill=\"{Svg.Color(color)}\" fill-opacity=\"{opacity}\"><title>{Svg.Esc(label)}: born {Svg.N(inst.BornMs)} ms, {tip}</title></rect>");
            if (inst.DiedMs is not null)
            {
                sb.Append($"<line x1=\"{Svg.N(X(end))}\" x2=\"{Svg.N(X(end))}\" y1=\"{y - 1}\" y2=\"{y + RowHeight - 3}\" stroke=\"#000\" stroke-width=\"2\"/>");
            }
        }

        sb.Append($"<line x1=\"{LabelWidth}\" x2=\"{Width - Right}\" y1=\"{axisY}\" y2=\"{axisY}\" stroke=\"#333\"/>");
        return sb.Append("</svg>").ToString();
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }
}
