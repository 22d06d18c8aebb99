using System.Text;

namespace Toolkit.Introspection.Reporting;

/// <summary>A table of strings rendered as aligned plain text or as a markdown table. Numeric-looking columns are right-aligned.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public string[] Headers { get; } = headers;

    public IReadOnlyList<string[]> Rows => _rows;

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != Headers.Length)
        {
            throw new ArgumentException($"row has {cells.Length} cells, the table {Headers.Length} columns", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public bool RightAligned(int column) =>
        _rows.Count > 0 && _rows.All(r => r[column].Length == 0 || char.IsDigit(r[column][0]) || r[column][0] == '-');

    public string ToText()
    {
        int[] widths = [.. Headers.Select((h, c) => Math.Max(h.Length, _rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max()))];
        var sb = new StringBuilder();
        Line(sb, Headers, widths);
        sb.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var r in _rows)
        {
            Line(sb, r, widths);
        }

        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Headers.Select(Escape)).Append(" |\n|");
        for (int c = 0; c < Headers.Length; c++)
        {
            sb.Append(RightAligned(c) ? " ---: |" : " --- |");
        }

        sb.Append('\n');
        foreach (var r in _rows)
        {
            sb.Append("| ").AppendJoin(" | ", r.Select(Escape)).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private void Line(StringBuilder sb, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                line.Append("  ");
            }

            line.Append(RightAligned(c) ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
