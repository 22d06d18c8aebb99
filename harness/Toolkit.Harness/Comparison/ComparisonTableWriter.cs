using System.Globalization;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Writes a <see cref="ComparisonReport"/> as plain text: one table per metric, columns padded,
/// invariant culture, nothing that depends on the terminal, so the output is the same every time.
/// </summary>
public static class ComparisonTableWriter
{
    private static readonly string[] Headers = ["case", "sources", "n(A)", "n(B)", "median A", "median B", "B/A", "95% CI of B/A", "verdict"];

    /// <summary>Writes the tables, a header naming A and B first.</summary>
    public static void Write(TextWriter writer, ComparisonReport report, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine($"A = {nameA}");
        writer.WriteLine($"B = {nameB}");
        writer.WriteLine(string.Create(c, $"verdicts: Mann-Whitney, one-sided each way, alpha {SampleComparer.DefaultAlpha}, relative threshold {report.ThresholdPercent:0.##}%; medians Harrell-Davis"));
        foreach (var group in report.Rows.GroupBy(r => r.Metric))
        {
            var metric = group.Key;
            writer.WriteLine();
            writer.WriteLine($"{metric.Name} ({metric.Description}, {metric.Unit}; {(metric.SmallerIsBetter ? "smaller" : "larger")} is better)");
            var cells = group.Select(row => Cells(row)).ToList();
            cells.Insert(0, Headers);
            var widths = Enumerable.Range(0, Headers.Length).Select(i => cells.Max(line => line[i].Length)).ToArray();
            foreach (var line in cells)
            {
                writer.WriteLine(string.Join("  ", line.Select((cell, i) => i is 0 or 8 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
            }
        }
    }

    private static string[] Cells(ComparisonRow row)
    {
        var r = row.Result;
        var unit = row.Metric.Unit;
        return
        [
            row.Case.Label,
            CountParser.Format(row.Case.Sources),
            r.CountA.ToString(CultureInfo.InvariantCulture),
            r.CountB.ToString(CultureInfo.InvariantCulture),
            Value(r.MedianA, unit),
            Value(r.MedianB, unit),
            Ratio(r.Ratio),
            double.IsNaN(r.RatioLower) || double.IsNaN(r.RatioUpper) ? "-" : $"[{Ratio(r.RatioLower)}, {Ratio(r.RatioUpper)}]",
            VerdictNames.Name(r.Verdict),
        ];
    }

    private static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "-" : ratio.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Value(double value, string unit)
    {
        if (double.IsNaN(value))
        {
            return "-";
        }

        var c = CultureInfo.InvariantCulture;
        return unit switch
        {
            "s" => value.ToString("0.0000", c) + " s",
            _ when Math.Abs(value) < 10_000 => value.ToString("N1", c),
            _ => value.ToString("N0", c),
        };
    }
}
