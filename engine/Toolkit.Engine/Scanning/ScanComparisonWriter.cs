using System.Globalization;
using System.Text.Json;

namespace Toolkit.Engine.Scanning;

/// <summary>Writes a <see cref="ScanComparisonResult"/> as text, markdown or JSON: the totals, then the first misses and extras.</summary>
public static class ScanComparisonWriter
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> ("text", "markdown", "json"), listing <paramref name="top"/> misses and extras.</summary>
    public static void Write(TextWriter output, ScanComparisonResult result, string format, int top)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        switch (format)
        {
            case "json":
                WriteJson(output, result, top);
                break;
            case "markdown":
                WriteMarkdown(output, result, top);
                break;
            default:
                WriteText(output, result, top);
                break;
        }
    }

    private static IEnumerable<(string Source, string Header)> Missed(ScanComparisonResult result) =>
        result.Files.SelectMany(file => file.Missed.Select(header => (file.Source, header)));

    private static IEnumerable<(string Source, string Header)> Extra(ScanComparisonResult result) =>
        result.Files.SelectMany(file => file.Extra.Select(header => (file.Source, header)));

    private static string Percent(double value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static void WriteText(TextWriter output, ScanComparisonResult result, int top)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"mode: {result.Mode.ToString().ToLowerInvariant()}"));
        output.WriteLine(string.Create(c, $"files: {result.Files.Count} (compared {result.Compared}, gcc failed {result.GccFailed})"));
        output.WriteLine(string.Create(c, $"exactly equal (set): {result.SameSet} of {result.Compared} ({Percent(result.Compared == 0 ? 1 : (double)result.SameSet / result.Compared)}); same order: {result.SameOrder}"));
        output.WriteLine(string.Create(c, $"edges: scanner {result.OurEdges}, gcc {result.GccEdges}, common {result.CommonEdges}"));
        output.WriteLine(string.Create(c, $"precision: {result.Precision:0.0000}  recall: {result.Recall:0.0000}"));
        output.WriteLine(string.Create(c, $"missed edges: {result.MissedEdges} (not explained by #include MACRO: {result.MissedUnexplained})"));
        output.WriteLine(string.Create(c, $"warnings: {result.Warnings.Count}"));
        output.WriteLine(string.Create(c, $"time: scanner {result.ScanTime.TotalSeconds:0.000} s, gcc -MM {result.GccTime.TotalSeconds:0.000} s (wall)"));
        foreach (var (source, header) in Missed(result).Take(top))
        {
            output.WriteLine(string.Create(c, $"missed: {source}: {header}"));
        }

        foreach (var (source, header) in Extra(result).Take(top))
        {
            output.WriteLine(string.Create(c, $"extra: {source}: {header}"));
        }

        foreach (var file in result.Files.Where(file => file.GccError is not null).Take(top))
        {
            output.WriteLine(string.Create(c, $"gcc failed: {file.Source}: {file.GccError}"));
        }
    }

    private static void WriteMarkdown(TextWriter output, ScanComparisonResult result, int top)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| mode | files | compared | gcc failed | exactly equal | precision | recall | missed | missed, not #include MACRO | scanner s | gcc -MM s |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(c, $"| {result.Mode.ToString().ToLowerInvariant()} | {result.Files.Count} | {result.Compared} | {result.GccFailed} | {result.SameSet} ({Percent(result.Compared == 0 ? 1 : (double)result.SameSet / result.Compared)}) | {result.Precision:0.0000} | {result.Recall:0.0000} | {result.MissedEdges} | {result.MissedUnexplained} | {result.ScanTime.TotalSeconds:0.00} | {result.GccTime.TotalSeconds:0.00} |"));
        foreach (var (source, header) in Missed(result).Take(top))
        {
            output.WriteLine(string.Create(c, $"- missed: `{source}`: `{header}`"));
        }

        foreach (var (source, header) in Extra(result).Take(top))
        {
            output.WriteLine(string.Create(c, $"- extra: `{source}`: `{header}`"));
        }
    }

    private static void WriteJson(TextWriter output, ScanComparisonResult result, int top)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("mode", result.Mode.ToString().ToLowerInvariant());
            json.WriteNumber("files", result.Files.Count);
            json.WriteNumber("compared", result.Compared);
            json.WriteNumber("gccFailed", result.GccFailed);
            json.WriteNumber("sameSet", result.SameSet);
            json.WriteNumber("sameOrder", result.SameOrder);
            json.WriteNumber("scannerEdges", result.OurEdges);
            json.WriteNumber("gccEdges", result.GccEdges);
            json.WriteNumber("commonEdges", result.CommonEdges);
            json.WriteNumber("precision", result.Precision);
            json.WriteNumber("recall", result.Recall);
            json.WriteNumber("missedEdges", result.MissedEdges);
            json.WriteNumber("missedUnexplained", result.MissedUnexplained);
            json.WriteNumber("warnings", result.Warnings.Count);
            json.WriteNumber("scanSeconds", result.ScanTime.TotalSeconds);
            json.WriteNumber("gccSeconds", result.GccTime.TotalSeconds);
            WritePairs(json, "missed", Missed(result).Take(top));
            WritePairs(json, "extra", Extra(result).Take(top));
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WritePairs(Utf8JsonWriter json, string name, IEnumerable<(string Source, string Header)> pairs)
    {
        json.WriteStartArray(name);
        foreach (var (source, header) in pairs)
        {
            json.WriteStartObject();
            json.WriteString("source", source);
            json.WriteString("header", header);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
