using System.Text;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>A GitHub markdown table: columns whose cells are all numbers (or dashes) right-aligned, the others left-aligned.</summary>
public static class MarkdownTable
{
    /// <summary>The table's text, ending with a newline.</summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var all = rows.ToArray();
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|');
        for (var column = 0; column < headers.Count; column++)
        {
            var numeric = all.Length > 0 && all.All(row => column < row.Count && IsNumeric(row[column]));
            text.Append(numeric ? " ---: |" : " --- |");
        }

        text.Append('\n');
        foreach (var row in all)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    private static bool IsNumeric(string cell) =>
        cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || (cell.Length > 1 && cell[0] is '+' or '-' && char.IsAsciiDigit(cell[1])) || cell is "–" or "not run" or "skipped");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
