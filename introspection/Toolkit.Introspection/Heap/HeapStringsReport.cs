using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Duplicate strings by value, most wasted bytes first (what interning them would save).</summary>
public sealed record HeapStringsReport(long DistinctDuplicated, long WastedBytes, IReadOnlyList<HeapStringRow> Rows) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{DistinctDuplicated:N0} string values have copies; interning them would save {WastedBytes:N0} bytes\n");
        var table = new TextTable("Wasted", "Copies", "Each", "Held by", "Value");
        foreach (var r in Rows)
        {
            table.Add(r.WastedBytes.ToString("N0", CultureInfo.InvariantCulture), r.Copies.ToString("N0", CultureInfo.InvariantCulture),
                r.BytesEach.ToString(CultureInfo.InvariantCulture), string.Join(", ", r.HeldBy), "\"" + (r.Value.Length > 60 ? r.Value[..60] + "..." : r.Value) + "\"");
        }
        return text.Append(table).ToString();
    }
}
