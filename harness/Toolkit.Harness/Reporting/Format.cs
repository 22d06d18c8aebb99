using System.Globalization;
using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Reporting;

/// <summary>Number formats of the pages, all in the invariant culture so pages are the same everywhere.</summary>
public static class Format
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>An integer with thousands separators: 22,147.</summary>
    public static string Count(long value) => value.ToString("N0", C);

    /// <summary>Bytes per node with one decimal: 1,050.2.</summary>
    public static string PerNode(double value) => value.ToString("N1", C);

    /// <summary>An estimate and its interval: 1,050.2 (1,041.0 to 1,060.3).</summary>
    public static string PerNode(Estimate e) => $"{PerNode(e.Value)} ({PerNode(e.Lower)} to {PerNode(e.Upper)})";

    /// <summary>Whole bytes, in MB with one decimal (MB = 10^6 bytes).</summary>
    public static string Megabytes(double bytes) => (bytes / 1e6).ToString("N1", C) + " MB";

    /// <summary>Memory sizes in GiB with one decimal (machine memory).</summary>
    public static string Gibibytes(long bytes) => (bytes / (double)(1L << 30)).ToString("N1", C) + " GiB";

    /// <summary>Seconds with three significant decimals below 10 s.</summary>
    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.000" : "N1", C) + " s";

    /// <summary>A signed percentage with one decimal: +4.2%.</summary>
    public static string SignedPercent(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", C) + "%";

    /// <summary>A percentage with one decimal: 38.5%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", C) + "%";

    /// <summary>A ratio as a change in percent with its interval: +4.2% (+1.0% to +7.9%).</summary>
    public static string Change(Estimate ratio) => $"{SignedPercent(ratio.Value - 1)} ({SignedPercent(ratio.Lower - 1)} to {SignedPercent(ratio.Upper - 1)})";

    /// <summary>Microseconds with one decimal.</summary>
    public static string Microseconds(double seconds) => (seconds * 1e6).ToString("N2", C) + " µs";

    /// <summary>A number in the invariant culture with one decimal (SVG coordinates).</summary>
    public static string Coordinate(double value) => value.ToString("0.#", C);

    /// <summary>A short byte count for axis labels, decimal units: 500 B, 2 kB, 100 MB, 1 GB.</summary>
    public static string ShortBytes(double bytes)
    {
        var text = Short(bytes);
        return char.IsAsciiLetter(text[^1]) ? $"{text[..^1]} {text[^1]}B" : text + " B";
    }

    /// <summary>A short axis label: 1k, 20k, 1M, 500.</summary>
    public static string Short(double value)
    {
        var (divisor, suffix) = value switch
        {
            >= 1e9 => (1e9, "G"),
            >= 1e6 => (1e6, "M"),
            >= 1e3 => (1e3, "k"),
            _ => (1.0, string.Empty),
        };
        return (value / divisor).ToString("0.###", C) + suffix;
    }
}
