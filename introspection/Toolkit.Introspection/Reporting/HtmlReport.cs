using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>
/// Tracker stats as one self-contained HTML page (no scripts, no external files) with hand-drawn SVG
/// charts: memory per type over time (stacked area), instance lifetimes, the largest instances and the
/// per-field breakdown of detail types, followed by the tables of the console report.
/// </summary>
public static class HtmlReport
{
    /// <summary>The stacked area shows this many types by name; the rest are summed as "other" (the palette has ten colours).</summary>
    private const int MaxSeries = 9;

    /// <summary>The lifetime chart shows at most this many instances (named first, then the dead, then others by birth), to stay readable.</summary>
    private const int MaxLifetimes = 60;

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1040px}h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}" +
        "table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{padding:3px 10px;border-bottom:1px solid #eee}th{text-align:left;background:#f5f5f5}" +
        "td.n{text-align:right;font-variant-numeric:tabular-nums}p.note{color:#555;font-size:13px}";

    public static string Render(TrackerStats stats, string title = "Heap monitor")
    {
        ArgumentNullException.ThrowIfNull(stats);
        var types = stats.TypeNamesByBytes();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Svg.Esc(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>");
        sb.Append("<h1>").Append(Svg.Esc(title)).Append("</h1><p>").Append(Svg.Esc(StatsTables.Summary(stats))).Append("</p>");

        sb.Append("<h2>Memory per type over time</h2><p class=\"note\">Bytes owned by the tracked instances of each type at each snapshot (an instance owns itself and what it reaches before any other tracked instance does).</p>");
        sb.Append(StackedAreaChart.Render([.. stats.Snapshots.Select(s => s.AtMs)], Series(stats, types)));

        sb.Append("<h2>Instance lifetimes</h2><p class=\"note\">From tracking to the snapshot that found the instance collected (black tick); pale bars are still alive.</p>");
        double end = Math.Max(stats.Snapshots.Count == 0 ? 0 : stats.Snapshots[^1].AtMs, stats.Instances.Select(i => i.DiedMs ?? i.LastSeenMs).DefaultIfEmpty(0).Max());
        sb.Append(LifetimeChart.Render(PickLifetimes(stats), end, types));

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

    /// <summary>Named instances first, then up to half the rows of dead ones and the rest alive, each group sampled evenly over birth order.</summary>
    private static List<InstanceRecord> PickLifetimes(TrackerStats stats)
    {
        var named = stats.Instances.Where(i => i.Name is not null).Take(MaxLifetimes / 4).ToList();
        var dead = stats.Instances.Where(i => i.Name is null && i.DiedMs is not null).ToList();
        var alive = stats.Instances.Where(i => i.Name is null && i.DiedMs is null).ToList();
        int room = MaxLifetimes - named.Count;
        int deadRows = Math.Min(dead.Count, Math.Max(room / 2, room - alive.Count));
        var picked = named.Concat(Sample(dead, deadRows)).Concat(Sample(alive, room - deadRows)).ToList();
        return [.. picked.OrderBy(i => i.BornMs).ThenBy(i => i.Id)];
    }

    private static IEnumerable<InstanceRecord> Sample(List<InstanceRecord> from, int count)
    {
        count = Math.Min(count, from.Count);
        for (int k = 0; k < count; k++)
        {
            yield return from[(int)((long)k * from.Count / count)];
        }
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
