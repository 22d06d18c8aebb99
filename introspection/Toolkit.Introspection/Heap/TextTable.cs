using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Formats rows as a plain text table: right-aligned numbers, left-aligned last column, one header line.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var widths = new int[_headers.Length];
        for (int c = 0; c < widths.Length; c++)
        {
            widths[c] = _headers[c].Length;
            foreach (var row in _rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }
        var text = new StringBuilder();
        Append(text, _headers, widths);
        foreach (var row in _rows)
        {
            Append(text, row, widths);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                text.Append(' ');
            }
            text.Append(c == cells.Length - 1 ? cells[c] : cells[c].PadLeft(widths[c]));
        }
        text.Append('\n');
    }
}
