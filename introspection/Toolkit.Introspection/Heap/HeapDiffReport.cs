using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>The difference of two heaps, per type, biggest byte change first.</summary>
public sealed record HeapDiffReport(long ObjectsBefore, long ObjectsAfter, long BytesBefore, long BytesAfter, IReadOnlyList<HeapDiffRow> Rows) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"objects {ObjectsBefore:N0} -> {ObjectsAfter:N0} ({ObjectsAfter - ObjectsBefore:+#,0;-#,0;0}), bytes {BytesBefore:N0} -> {BytesAfter:N0} ({BytesAfter - BytesBefore:+#,0;-#,0;0})\n");
        var table = new TextTable("dBytes", "dCount", "Before", "After", "New", "Gone", "Status", "Type");
        foreach (var r in Rows.Where(r => r.Status != "same"))
        {
            table.Add(r.BytesDelta.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), r.CountDelta.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
                r.CountBefore.ToString(CultureInfo.InvariantCulture), r.CountAfter.ToString(CultureInfo.InvariantCulture),
                r.NewObjects.ToString(CultureInfo.InvariantCulture), r.GoneObjects.ToString(CultureInfo.InvariantCulture), r.Status, r.Type);
        }
        return text.Append(table).ToString();
    }
}
