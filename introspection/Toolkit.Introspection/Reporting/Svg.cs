using System.Globalization;
using System.Net;

namespace Toolkit.Introspection.Reporting;

/// <summary>Small helpers for hand-drawn inline SVG: a palette, invariant numbers, escaping, nice axis ticks.</summary>
internal static class Svg
{
    /// <summary>Ten colours that stay distinct next to each other (Tableau 10).</summary>
    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string Color(int i) => Palette[i % Palette.Length];

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A 1-2-5 step giving about <paramref name="count"/> ticks up to <paramref name="max"/>.</summary>
    public static double Step(double max, int count)
    {
        if (max <= 0)
        {
            return 1;
        }

        double raw = max / count;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double norm = raw / mag;
        return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
    }

    /// <summary>A byte step in powers of two friendly units.</summary>
    public static double ByteStep(double max, int count)
    {
        double unit = 1;
        while (max / unit >= 1024 * count && unit < 1L << 40)
        {
            unit *= 1024;
        }

        return Step(max / unit, count) * unit;
    }
}
