using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Meliae's summarize table (Index, Count, %, Size, %, Cum, Max, Kind), for the whole heap or what given objects reach.</summary>
public sealed record HeapSummary(string Scope, long Objects, long Bytes, int TypeCount, IReadOnlyList<HeapSummaryRow> Rows) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Scope}: total {Objects:N0} objects, {TypeCount:N0} types, total size = {HeapFormat.Bytes(Bytes)} ({Bytes:N0} bytes)\n");
        var table = new TextTable("Index", "Count", "%", "Size", "%", "Cum", "Max", "Kind");
        foreach (var r in Rows)
        {
            table.Add(r.Index.ToString(CultureInfo.InvariantCulture), r.Count.ToString(CultureInfo.InvariantCulture), r.CountPercent.ToString("F0", CultureInfo.InvariantCulture),
                r.Size.ToString(CultureInfo.InvariantCulture), r.SizePercent.ToString("F0", CultureInfo.InvariantCulture),
                r.CumulativePercent.ToString("F0", CultureInfo.InvariantCulture), r.Max.ToString(CultureInfo.InvariantCulture), r.Kind);
        }
        text.Append(table);
        return text.ToString();
    }
}
