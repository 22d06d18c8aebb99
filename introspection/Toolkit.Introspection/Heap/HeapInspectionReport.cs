using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>The inspections of a heap, biggest saving first, each naming the optimization that would fix it.</summary>
public sealed record HeapInspectionReport(long HeapBytes, IReadOnlyList<HeapFinding> Findings, IReadOnlyList<string> Notes) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{Findings.Count} findings over {HeapBytes:N0} bytes of heap\n");
        var table = new TextTable("Saves", "%", "Objects", "Kind", "Optimization", "Where");
        foreach (var f in Findings)
        {
            table.Add(f.WastedBytes.ToString("N0", CultureInfo.InvariantCulture), HeapFormat.Percent(f.WastedBytes, HeapBytes).ToString("F1", CultureInfo.InvariantCulture),
                f.Objects.ToString("N0", CultureInfo.InvariantCulture), f.Kind, f.Optimization, f.Subject + " (" + f.Detail + ")");
        }
        text.Append(table);
        foreach (var note in Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }
        return text.ToString();
    }
}
