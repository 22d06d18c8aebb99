using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// The exports BenchmarkDotNet users look for (exports/scale-report.csv, -github.md, .json): every
/// figure of every tool at every point with N, mean, standard deviation, median, its 95% interval, min
/// and max, one row each, counted runs only. Numbers in the CSV and JSON are round-trip invariant.
/// </summary>
public static class ExportWriter
{
    /// <summary>The CSV file, relative to the pages' folder.</summary>
    public const string CsvFile = "exports/scale-report.csv";

    /// <summary>The GitHub-markdown file.</summary>
    public const string MarkdownFile = "exports/scale-report-github.md";

    /// <summary>The JSON file.</summary>
    public const string JsonFile = "exports/scale-report.json";

    /// <summary>The CSV header, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Tool", "Variant", "Sources", "LargeFiles", "Nodes", "Operation", "Metric", "Unit", "N", "Mean", "StdDev", "Median", "CiLower", "CiUpper", "Min", "Max"];

    private static readonly (string Name, string Unit, Func<FootprintRecord, double?> Value)[] FootprintMetrics =
    [
        ("bytesPerNode", "bytes/node", r => r.BytesPerNode),
        ("bytesPerNodeAfterLoad", "bytes/node", r => r.BytesPerNodeAfterLoad),
        ("allocatedBytesByLoad", "bytes", r => r.AllocatedBytesByLoad),
        ("allocatedBytesByBuild", "bytes", r => r.AllocatedBytesByBuild),
        ("runtimeRssBytes", "bytes", r => r.RuntimeRssBytes),
        ("peakRssBytes", "bytes", r => r.PeakRssBytes),
        ("loadSeconds", "s", r => r.LoadSeconds),
        ("buildSeconds", "s", r => r.BuildSeconds),
        ("gen2Collections", "count", r => r.Gen2Collections),
        ("gcPauseSeconds", "s", r => r.GcPauseSeconds),
    ];

    /// <summary>Every row of <paramref name="results"/>.</summary>
    public static IReadOnlyList<ExportRow> Rows(ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new List<ExportRow>();
        var nodes = results.Projects.ToDictionary(p => (p.Sources, p.LargeFiles), p => p.Nodes);
        foreach (var record in results.Processes ?? [])
        {
            var counted = record.Counted.ToArray();
            if (record.SkippedBecause is not null || counted.Length == 0)
            {
                continue;
            }

            var n = nodes[(record.Sources, record.LargeFiles)];
            rows.Add(Row(record.Tool, record.Variant ?? string.Empty, record.Sources, record.LargeFiles, n, record.Operation, "peakRssBytes", "bytes", counted.Select(r => (double)r.PeakRssBytes).ToArray()));
            rows.Add(Row(record.Tool, record.Variant ?? string.Empty, record.Sources, record.LargeFiles, n, record.Operation, "wallSeconds", "s", counted.Select(r => r.WallSeconds).ToArray()));
        }

        foreach (var group in results.Runs.Where(r => !r.Warmup).GroupBy(r => (r.Variant, r.Sources, r.LargeFiles)))
        {
            var n = nodes[(group.Key.Sources, group.Key.LargeFiles)];
            foreach (var (name, unit, value) in FootprintMetrics)
            {
                var sample = group.Select(r => value(r.Footprint)).OfType<double>().ToArray();
                if (sample.Length > 0)
                {
                    rows.Add(Row(ProcessRecord.EngineTool, group.Key.Variant, group.Key.Sources, group.Key.LargeFiles, n, "footprint", name, unit, sample));
                }
            }
        }

        return rows;
    }

    /// <summary>The CSV text: a header, then one line per row.</summary>
    public static string Csv(IReadOnlyList<ExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder().AppendJoin(',', Columns).Append('\n');
        foreach (var r in rows)
        {
            text.AppendJoin(',', [r.Tool, r.Variant, r.Sources.ToString(c), r.LargeFiles.ToString(c), r.Nodes.ToString(c), r.Operation, r.Metric, r.Unit, r.N.ToString(c), N(r.Mean), N(r.StdDev), N(r.Median), N(r.CiLower), N(r.CiUpper), N(r.Min), N(r.Max)]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The GitHub-markdown table.</summary>
    public static string Markdown(IReadOnlyList<ExportRow> rows, ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder("# Scale report\n\n").Append(PageText.Provenance(results)).Append("\n\n");
        text.Append(MarkdownTable.Render(Columns, rows.Select(r => (IReadOnlyList<string>)[r.Tool, r.Variant, Format.Count(r.Sources), Format.Count(r.LargeFiles), Format.Count(r.Nodes), r.Operation, r.Metric, r.Unit, Format.Count(r.N), Short(r.Mean), Short(r.StdDev), Short(r.Median), Short(r.CiLower), Short(r.CiUpper), Short(r.Min), Short(r.Max)])));
        return text.ToString();
    }

    /// <summary>The JSON text: { "schemaVersion": 1, "createdUtc", "rows": [...] }, camelCase.</summary>
    public static string Json(IReadOnlyList<ExportRow> rows, ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var document = new { schemaVersion = 1, createdUtc = results.CreatedUtc, columns = Columns, rows };
        return JsonSerializer.Serialize(document, ResultsJson.Write).ReplaceLineEndings("\n") + "\n";
    }

    private static ExportRow Row(string tool, string variant, int sources, int largeFiles, long nodes, string operation, string metric, string unit, double[] sample)
    {
        var mean = sample.Average();
        var sd = sample.Length < 2 ? 0 : Math.Sqrt(sample.Sum(v => (v - mean) * (v - mean)) / (sample.Length - 1));
        var median = Bootstrap.MedianInterval(sample);
        return new ExportRow(tool, variant, sources, largeFiles, nodes, operation, metric, unit, sample.Length, mean, sd, median.Value, median.Lower, median.Upper, sample.Min(), sample.Max());
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Short(double value) => Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);
}
