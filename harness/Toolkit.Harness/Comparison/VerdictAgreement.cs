using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// <c>toolkit compare --verdicts A.json B.json</c>: the verdicts the pages draw from two runs, side by
/// side, and how many agree: each optimization's verdict at each point, and under it each judged
/// figure's change (memory, and each time) as the rule reads it. Two runs of the same code should
/// agree; where they do not, the page's claim did not survive the rerun.
/// </summary>
public static class VerdictAgreement
{
    /// <summary>Every verdict and every judged change of both runs, at the points both have.</summary>
    public static IReadOnlyList<VerdictPair> Rows(ScaleResults a, ScaleResults b)
    {
        var first = new PageModel(a);
        var second = new PageModel(b);
        var rows = new List<VerdictPair>();
        foreach (var (variant, verdictsA) in first.Verdicts)
        {
            if (!second.Verdicts.TryGetValue(variant, out var verdictsB))
            {
                continue;
            }

            foreach (var pa in verdictsA.Points)
            {
                var pb = verdictsB.Points.FirstOrDefault(p => p.Point.Sources == pa.Point.Sources && p.Point.LargeFiles == pa.Point.LargeFiles);
                if (pb is null)
                {
                    continue;
                }

                rows.Add(new VerdictPair(variant, pa.Point.Label, "verdict", pa.Short, pb.Short));
                rows.Add(new VerdictPair(variant, pa.Point.Label, "memory", pa.Memory?.Word ?? "–", pb.Memory?.Word ?? "–"));
                foreach (var time in pa.Times)
                {
                    if (pb.Times.FirstOrDefault(t => t.Label == time.Label) is { } other)
                    {
                        rows.Add(new VerdictPair(variant, pa.Point.Label, time.Label, time.Change.Word, other.Change.Word));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>"verdicts: 7 of 8 agree; changes: 30 of 32 agree".</summary>
    public static string Summary(IReadOnlyList<VerdictPair> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var verdicts = rows.Where(r => r.Figure == "verdict").ToArray();
        var changes = rows.Where(r => r.Figure != "verdict").ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"verdicts: {verdicts.Count(r => r.Agrees)} of {verdicts.Length} agree; judged changes (memory and each time): {changes.Count(r => r.Agrees)} of {changes.Length} agree");
    }

    /// <summary>Writes the rows and the summary in <paramref name="format"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<VerdictPair> rows, string nameA, string nameB, string format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        string[] headers = ["variant", "point", "figure", "A", "B", "agree"];
        IEnumerable<string[]> Cells() => rows.Select(r => new[] { r.Variant, r.Point, r.Figure, r.A, r.B, r.Agrees ? "yes" : "no" });
        switch (format)
        {
            case ComparisonFormat.Json:
                var document = new Dictionary<string, object>
                {
                    ["schemaVersion"] = 1,
                    ["a"] = nameA,
                    ["b"] = nameB,
                    ["summary"] = Summary(rows),
                    ["verdicts"] = rows.Count(r => r.Figure == "verdict"),
                    ["verdictsAgreeing"] = rows.Count(r => r.Figure == "verdict" && r.Agrees),
                    ["changes"] = rows.Count(r => r.Figure != "verdict"),
                    ["changesAgreeing"] = rows.Count(r => r.Figure != "verdict" && r.Agrees),
                    ["rows"] = rows.Select(r => new { variant = r.Variant, point = r.Point, figure = r.Figure, a = r.A, b = r.B, agree = r.Agrees }).ToArray(),
                };
                writer.Write(JsonSerializer.Serialize(document, ResultsJson.Write).ReplaceLineEndings("\n") + "\n");
                break;
            case ComparisonFormat.Csv:
                var csv = new StringBuilder().AppendJoin(',', headers).Append('\n');
                foreach (var line in Cells())
                {
                    csv.AppendJoin(',', line.Select(c => c.Contains(',', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)).Append('\n');
                }

                writer.Write(csv.ToString());
                break;
            case ComparisonFormat.Markdown:
                writer.Write($"## Verdicts of two runs\n\n- A = {nameA}\n- B = {nameB}\n- {Summary(rows)}\n\n");
                writer.Write(MarkdownTable.Render(headers, Cells().Select(c => (IReadOnlyList<string>)c)));
                break;
            default:
                writer.Write($"A = {nameA}\nB = {nameB}\n{Summary(rows)}\n\n");
                var all = new List<string[]> { headers };
                all.AddRange(Cells());
                var widths = Enumerable.Range(0, headers.Length).Select(i => all.Max(l => l[i].Length)).ToArray();
                foreach (var line in all)
                {
                    writer.Write(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))).TrimEnd() + "\n");
                }

                break;
        }
    }
}
