using System.Globalization;
using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>
/// Instance lifetimes as an HTML table of rows, each a label (page text, wrapping in its column) and a
/// small inline SVG on a shared time axis: named instances get their own bar from birth to death
/// detection (open-ended while alive); all other instances are aggregated per type into how many are
/// alive over time, so ten thousand nodes are one row, not ten thousand identical bars.
/// </summary>
internal static class LifetimeChart
{
    /// <summary>Width of every row's plot, in SVG units; the plot scales to its column.</summary>
    private const int PlotWidth = 700;

    private const int RowHeight = 18;

    /// <summary>Named instances drawn one by one before the per-type rows; more are left to the tables.</summary>
    private const int MaxNamed = 15;

    public static string Render(IReadOnlyList<InstanceRecord> instances, double endMs, IReadOnlyList<string> typeOrder)
    {
        double xMax = Math.Max(1, endMs);
        var sb = new StringBuilder("<table class=\"lifetimes\">");
        foreach (var inst in instances.Where(i => i.Name is not null).Take(MaxNamed))
        {
            double end = inst.DiedMs ?? endMs;
            string tip = inst.DiedMs is null ? "alive" : $"died by {Svg.N(inst.DiedMs.Value)} ms (last seen {Svg.N(inst.LastSeenMs)} ms)";
            string label = $"#{inst.Id} {inst.Name} ({inst.TypeName})";
            sb.Append("<tr><td class=\"label\">").Append(Svg.Esc(label)).Append("</td><td class=\"plot\">").Append(Row());
            sb.Append($"<rect x=\"{Svg.N(X(inst.BornMs))}\" y=\"3\" width=\"{Svg.N(Math.Max(2, X(end) - X(inst.BornMs)))}\" height=\"{RowHeight - 6}\" fill=\"{Svg.Color(Color(inst.TypeName))}\" fill-opacity=\"{(inst.DiedMs is null ? "0.45" : "0.9")}\"><title>{Svg.Esc(label)}: born {Svg.N(inst.BornMs)} ms, {tip}</title></rect>");
            if (inst.DiedMs is not null)
            {
                sb.Append($"<line x1=\"{Svg.N(X(end))}\" x2=\"{Svg.N(X(end))}\" y1=\"1\" y2=\"{RowHeight - 1}\" stroke=\"#000\" stroke-width=\"2\"/>");
            }

            sb.Append("</svg></td></tr>");
        }

        foreach (var group in instances.Where(i => i.Name is null).GroupBy(i => i.TypeName).OrderBy(g => Color(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            AliveRow(sb, group.Key, [.. group], endMs, X, Color(group.Key));
        }

        sb.Append("<tr><td></td><td class=\"plot\">").Append(Axis(xMax)).Append("</td></tr>");
        return sb.Append("</table>").ToString();

        double X(double ms) => ms / xMax * PlotWidth;

        int Color(string type)
        {
            for (int i = 0; i < typeOrder.Count; i++)
            {
                if (typeOrder[i] == type)
                {
                    return i;
                }
            }

            return 9;
        }
    }

    private static string Row() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {PlotWidth} {RowHeight}\" width=\"100%\" height=\"{RowHeight}\" preserveAspectRatio=\"none\" role=\"img\">";

    /// <summary>One type's instances as the number alive over time (a step area scaled to the type's own peak).</summary>
    private static void AliveRow(StringBuilder sb, string type, List<InstanceRecord> group, double endMs, Func<double, double> x, int color)
    {
        var events = group.Select(i => (At: i.BornMs, Delta: 1))
            .Concat(group.Where(i => i.DiedMs is not null).Select(i => (At: i.DiedMs!.Value, Delta: -1)))
            .OrderBy(e => e.At).ThenBy(e => e.Delta).ToList();
        int alive = 0;
        int peak = 0;
        var path = new StringBuilder($"M{Svg.N(x(events.Count == 0 ? 0 : events[0].At))},{RowHeight}");
        var points = new List<(double At, int Alive)>();
        foreach (var (at, delta) in events)
        {
            alive += delta;
            peak = Math.Max(peak, alive);
            points.Add((at, alive));
        }

        double Y(int n) => RowHeight - 1 - ((RowHeight - 3) * n / (double)Math.Max(1, peak));
        double previous = RowHeight;
        foreach (var (at, n) in points)
        {
            path.Append(CultureInfo.InvariantCulture, $" L{Svg.N(x(at))},{Svg.N(previous)} L{Svg.N(x(at))},{Svg.N(Y(n))}");
            previous = Y(n);
        }

        path.Append(CultureInfo.InvariantCulture, $" L{Svg.N(x(endMs))},{Svg.N(previous)} L{Svg.N(x(endMs))},{RowHeight} Z");
        int dead = group.Count(i => i.DiedMs is not null);
        string label = $"{type}: {group.Count:N0} tracked, {dead:N0} dead, peak {peak:N0} alive";
        string mean = dead == 0 ? "" : $", mean lifetime of the dead {group.Where(i => i.DiedMs is not null).Average(i => i.DiedMs!.Value - i.BornMs):F0} ms";
        sb.Append("<tr><td class=\"label\">").Append(Svg.Esc(label)).Append("</td><td class=\"plot\">").Append(Row())
            .Append($"<path d=\"{path}\" fill=\"{Svg.Color(color)}\" fill-opacity=\"0.8\"><title>{Svg.Esc(label + mean)}</title></path></svg></td></tr>");
    }

    /// <summary>The time axis as page text under the plots: tick labels in a row that cannot overflow.</summary>
    private static string Axis(double xMax)
    {
        double step = Svg.Step(xMax / 1000, 6) * 1000;
        var sb = new StringBuilder("<div class=\"axis\">");
        for (double t = 0; t <= xMax + (step / 1000); t += step)
        {
            double percent = t / xMax * 100;
            string align = percent < 8 ? "left:0" : percent > 92 ? "right:0" : $"left:{Svg.N(percent)}%;transform:translateX(-50%)";
            sb.Append($"<span style=\"{align}\">{Svg.N(t / 1000)} s</span>");
        }

        return sb.Append("</div>").ToString();
    }
}
