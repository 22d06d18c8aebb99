using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Writes a <see cref="ComparisonReport"/> in each <see cref="ComparisonFormat"/>: invariant culture,
/// nothing that depends on the terminal, so the same report always gives the same text. The JSON and
/// CSV carry every figure unrounded (round-trip) for tools to read; docs/measuring.md documents them.
/// </summary>
public static class ComparisonWriter
{
    /// <summary>The version of the JSON output's layout.</summary>
    public const int JsonSchemaVersion = 1;

    /// <summary>The CSV header, in column order (also the JSON rows' fields).</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = ["case", "sources", "largeFiles", "metric", "unit", "countA", "countB", "medianA", "medianB", "ratio", "ratioLower", "ratioUpper", "pWorse", "pBetter", "verdict"];

    private static readonly string[] TextHeaders = ["case", "sources", "n(A)", "n(B)", "median A", "median B", "B/A", "95% CI of B/A", "verdict"];

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>; <paramref name="exitCode"/> is recorded in the JSON.</summary>
    public static void Write(TextWriter writer, ComparisonReport report, string format, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        switch (format)
        {
            case ComparisonFormat.Json:
                writer.Write(Json(report, exitCode));
                break;
            case ComparisonFormat.Csv:
                writer.Write(Csv(report));
                break;
            case ComparisonFormat.Markdown:
                writer.Write(Markdown(report));
                break;
            default:
                writer.Write(Text(report));
                break;
        }
    }

    /// <summary>The rule in one sentence.</summary>
    public static string Rule(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"verdicts read from the exact 95% Mann-Whitney interval of B/A (Hodges-Lehmann, log scale): worse/better only when the whole interval lies beyond ±{report.ThresholdPercent:0.##}%, same when it lies within, otherwise no measurable difference; {ShiftInterval.FewestRuns()} runs a side at least; medians Harrell-Davis; warm-up runs left out");
    }

    /// <summary>The plain-text tables.</summary>
    public static string Text(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append($"A = {report.NameA}\nB = {report.NameB}\n{Rule(report)}\n");
        foreach (var group in report.Rows.GroupBy(r => r.Metric.Name))
        {
            var first = group.First().Metric;
            text.Append($"\n{first.Name}: {first.Description} ({first.Unit}, {(first.SmallerIsBetter ? "smaller" : "larger")} is better)\n");
            var cells = new List<string[]> { TextHeaders };
            cells.AddRange(group.Select(Cells));
            var widths = Enumerable.Range(0, TextHeaders.Length).Select(i => cells.Max(line => line[i].Length)).ToArray();
            foreach (var line in cells)
            {
                text.Append(string.Join("  ", line.Select((cell, i) => i is 0 or 8 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd()).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The markdown: a heading, the rule, one table of every row.</summary>
    public static string Markdown(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder("## toolkit compare\n\n");
        text.Append($"- A = {report.NameA}\n- B = {report.NameB}\n- {Rule(report)}\n- regressions: {report.Regressions.Count}\n\n");
        text.Append(MarkdownTable.Render(["metric", .. TextHeaders], report.Rows.Select(r => (IReadOnlyList<string>)[r.Metric.Name, .. Cells(r)])));
        return text.ToString();
    }

    /// <summary>The CSV.</summary>
    public static string Csv(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder().AppendJoin(',', CsvColumns).Append('\n');
        foreach (var row in report.Rows)
        {
            text.AppendJoin(',', Fields(row).Select(f => CsvField(f.Value))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The JSON object: schemaVersion, a, b, thresholdPercent, confidence, rule, rows, regressions, undecided, exitCode.</summary>
    public static string Json(ComparisonReport report, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Rows.Select(r => Fields(r).ToDictionary(f => f.Name, f => f.Value)).ToArray();
        var document = new Dictionary<string, object?>
        {
            ["schemaVersion"] = JsonSchemaVersion,
            ["a"] = report.NameA,
            ["b"] = report.NameB,
            ["thresholdPercent"] = report.ThresholdPercent,
            ["confidence"] = ShiftInterval.Confidence,
            ["rule"] = Rule(report),
            ["rows"] = rows,
            ["regressions"] = report.Regressions.Count,
            ["undecided"] = report.Undecided.Count,
            ["exitCode"] = exitCode,
        };
        return JsonSerializer.Serialize(document, ResultsJson.Write).ReplaceLineEndings("\n") + "\n";
    }

    private static IEnumerable<(string Name, object? Value)> Fields(ComparisonRow row)
    {
        var r = row.Result;
        yield return ("case", row.Sample.Label);
        yield return ("sources", row.Sample.Sources);
        yield return ("largeFiles", row.Sample.LargeFiles);
        yield return ("metric", row.Metric.Name);
        yield return ("unit", row.Metric.Unit);
        yield return ("countA", r.CountA);
        yield return ("countB", r.CountB);
        yield return ("medianA", Number(r.MedianA));
        yield return ("medianB", Number(r.MedianB));
        yield return ("ratio", Number(r.Ratio));
        yield return ("ratioLower", Number(r.RatioLower));
        yield return ("ratioUpper", Number(r.RatioUpper));
        yield return ("pWorse", Number(r.PWorse));
        yield return ("pBetter", Number(r.PBetter));
        yield return ("verdict", VerdictNames.Name(r.Verdict));
    }

    /// <summary>NaN and infinities are not JSON: they are written as null (empty in the CSV).</summary>
    private static double? Number(double value) => double.IsFinite(value) ? value : null;

    private static string CsvField(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s when s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string[] Cells(ComparisonRow row)
    {
        var r = row.Result;
        var unit = row.Metric.Unit;
        var size = CountParser.Format(row.Sample.Sources) + (row.Sample.LargeFiles > 0 ? $"+{row.Sample.LargeFiles}L" : string.Empty);
        return
        [
            row.Sample.Label,
            size,
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
