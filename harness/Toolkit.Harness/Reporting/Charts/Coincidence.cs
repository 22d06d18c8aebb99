namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// Finds lines of a chart that lie on top of each other, so the page and the chart can say so instead
/// of letting one hide the other: two series coincide when they have points at the same x values and
/// every pair of y values there is within <see cref="Tolerance"/> of each other; coinciding series
/// are grouped transitively, in legend order.
/// </summary>
public static class Coincidence
{
    /// <summary>Within 3% on a log axis two markers overlap at the charts' size (840 px wide, a few decades).</summary>
    public const double Tolerance = 0.03;

    /// <summary>The groups of two or more coinciding series' labels.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var group = Enumerable.Range(0, series.Count).ToArray();
        for (var i = 0; i < series.Count; i++)
        {
            for (var j = i + 1; j < series.Count; j++)
            {
                if (Coincide(series[i], series[j]))
                {
                    var (from, to) = (group[j], group[i]);
                    for (var k = 0; k < group.Length; k++)
                    {
                        group[k] = group[k] == from ? to : group[k];
                    }
                }
            }
        }

        return group.Select((g, i) => (g, i)).GroupBy(p => p.g).Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)g.Select(p => series[p.i].Label).ToArray()).ToArray();
    }

    /// <summary>One sentence naming the groups, or null when no lines coincide.</summary>
    public static string? Describe(IReadOnlyList<ChartSeries> series)
    {
        var groups = Find(series);
        if (groups.Count == 0)
        {
            return null;
        }

        return "Lines that coincide (within 3% at every point): " + string.Join("; ", groups.Select(g => string.Join(g.Count == 2 ? " and " : ", ", g))) + ".";
    }

    private static bool Coincide(ChartSeries a, ChartSeries b)
    {
        if (a.Points.Count == 0 || a.Points.Count != b.Points.Count)
        {
            return false;
        }

        var byX = b.Points.ToDictionary(p => p.X);
        return a.Points.All(p => byX.TryGetValue(p.X, out var q) && p.Y > 0 && q.Y > 0 && Math.Abs((p.Y / q.Y) - 1) <= Tolerance);
    }
}
