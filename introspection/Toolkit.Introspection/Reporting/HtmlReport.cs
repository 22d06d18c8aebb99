using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>
/// Tracker stats as one self-contained HTML page (no scripts, no external files) with hand-drawn SVG
/// charts: memory per type over time (stacked area), instance lifetimes (named ones, then alive counts
/// per type), the largest instances and the per-field breakdown of detail types, followed by the tables
/// of the console report. Every label is page text or sits inside its chart, so nothing overflows
/// (checked in headless Chromium by the tests).
/// </summary>
public static class HtmlReport
{
    /// <summary>The stacked area shows this many types by name; the rest are summed as "other" (the palette has ten colours).</summary>
    private const int MaxSeries = 9;

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1040px}h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}" +
        "table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{padding:3px 10px;border-bottom:1px solid #eee}th{text-align:left;background:#f5f5f5}" +
        "td.n{text-align:right;font-variant-numeric:tabular-nums}p.note{color:#555;font-size:13px}td{overflow-wrap:anywhere}" +
        "ul.legend{list-style:none;padding:0;margin:4px 0 0 80px;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:12px}ul.legend li{display:flex;align-items:center;gap:6px}" +
        "span.swatch{display:inline-block;width:12px;height:12px;flex:none}" +
        "table.bars,table.lifetimes{width:100%;table-layout:fixed}table.bars td,table.lifetimes td{border:0;padding:2px 6px;font-size:12px}" +
        "table.bars td.label,table.lifetimes td.label{width:34%;text-align:right}table.bars td.n{width:70px}" +
        "td.bar div{height:14px}td.plot{padding:0}td.plot svg{display:block}" +
        "div.axis{position:relative;height:16px;font-size:11px;border-top:1px solid #333}div.axis span{position:absolute;top:2px;white-space:nowrap}";

    public static string Render(TrackerStats stats, string title = "Heap monitor")
    {
        ArgumentNullException.ThrowIfNull(stats);
        var types = stats.TypeNamesByBytes();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Svg.Esc(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>");
        sb.Append("<h1>").Append(Svg.Esc(title)).Append("</h1><p>").Append(Svg.Esc(StatsTables.Summary(stats))).Append("</p>");

        sb.Append("<h2>Memory per type over time</h2><p class=\"note\">Bytes owned by the tracked instances of each type at each snapshot (an instance owns itself and what it reaches before any other tracked instance does).</p>");
        var series = Series(stats, types);
        sb.Append(StackedAreaChart.Render([.. stats.Snapshots.Select(s => s.AtMs)], series)).Append(StackedAreaChart.Legend(series));

        sb.Append("<h2>Instance lifetimes</h2><p class=\"note\">Named instances: from tracking to the snapshot that found them collected (black tick); pale bars are still alive. ")
            .Append("Every other instance is counted per type: the area is how many are alive over time, up to the peak the label gives.</p>");
        double end = Math.Max(stats.Snapshots.Count == 0 ? 0 : stats.Snapshots[^1].AtMs, stats.Instances.Select(i => i.DiedMs ?? i.LastSeenMs).DefaultIfEmpty(0).Max());
        sb.Append(LifetimeChart.Render(stats.Instances, end, types));

        if (stats.Snapshots.Count > 0)
        {
            var last = stats.Snapshots[^1];
            sb.Append("<h2>Largest instances at \"").Append(Svg.Esc(last.Label)).Append("\"</h2>");
            sb.Append(BarChart.Render([.. stats.LargestInstances(last, StatsTables.LargestCount)
                .Select(x => ($"#{x.Instance.Id} {x.Instance.TypeName}{(x.Instance.Name is null ? "" : " " + x.Instance.Name)}", x.Bytes, Math.Max(0, IndexOfType(types, x.Instance.TypeName))))]));
            foreach (var ft in last.FieldTotals)
            {
                sb.Append("<h2>Bytes by field: ").Append(Svg.Esc(ft.TypeName)).Append("</h2><p class=\"note\">Summed over all live instances; each field counts what is first reached through it.</p>");
                sb.Append(BarChart.Render([(("(the instances themselves)", ft.ShallowBytes, 9)), .. ft.Fields.OrderByDescending(f => f.Bytes).Select((f, k) => (f.Field, f.Bytes, k % 9))]));
            }

            sb.Append("<h2>Types at \"").Append(Svg.Esc(last.Label)).Append("\"</h2>").Append(Table(StatsTables.Types(last)));
            sb.Append("<h2>Largest instances</h2>").Append(Table(StatsTables.Largest(stats, last)));
        }

        sb.Append("<h2>Snapshots</h2>").Append(Table(StatsTables.Snapshots(stats)));
        sb.Append("<h2>Lifetimes</h2>").Append(Table(StatsTables.Lifetimes(stats)));
        return sb.Append("</body></html>\n").ToString();
    }

    private static List<(string Name, long[] Values)> Series(TrackerStats stats, IReadOnlyList<string> types)
    {
        int n = stats.Snapshots.Count;
        var named = types.Take(types.Count > MaxSeries ? MaxSeries - 1 : MaxSeries).ToList();
        var series = named.Select(t => (Name: t, Values: new long[n])).ToList();
        var other = new long[n];
        for (int i = 0; i < n; i++)
        {
            foreach (var t in stats.Snapshots[i].Types)
            {
                int k = named.IndexOf(t.TypeName);
                if (k >= 0)
                {
                    series[k].Values[i] += t.Bytes;
                }
                else
                {
                    other[i] += t.Bytes;
                }
            }
        }

        if (types.Count > named.Count)
        {
            series.Add(("other", other));
        }

        return series;
    }

    private static int IndexOfType(IReadOnlyList<string> types, string name)
    {
        for (int i = 0; i < types.Count; i++)
        {
            if (types[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Table(TextTable table)
    {
        var sb = new StringBuilder("<table><tr>");
        foreach (string h in table.Headers)
        {
            sb.Append("<th>").Append(Svg.Esc(h)).Append("</th>");
        }

        sb.Append("</tr>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
            {
                sb.Append(table.RightAligned(c) ? "<td class=\"n\">" : "<td>").Append(Svg.Esc(row[c])).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
