using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Meliae's summarize table (Index, Count, %, Size, %, Cum, Max, Kind), for the whole heap or what given objects reach,
/// with the one line on unreachable objects left out and, for the whole heap, the generations with their free space.</summary>
public sealed record HeapSummary(string Scope, long Objects, long Bytes, int TypeCount, IReadOnlyList<HeapSummaryRow> Rows,
    HeapUnreachable Unreachable, IReadOnlyList<HeapGenerationRow> Generations) : IHeapReport
{
    /// <summary>Each segment with its objects and free space (<c>summarize --segments</c>); empty unless asked.</summary>
    public IReadOnlyList<HeapSegmentRow> Segments { get; init; } = [];

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Scope}: total {Objects:N0} objects, {TypeCount:N0} types, total size = {HeapFormat.Bytes(Bytes)} ({Bytes:N0} bytes)\n");
        if (Unreachable.Objects > 0)
        {
            text.Append(Unreachable.ToText()).Append('\n');
        }
        var table = new TextTable("Index", "Count", "%", "Size", "%", "Cum", "Max", "Kind");
        foreach (var r in Rows)
        {
            table.Add(r.Index.ToString(CultureInfo.InvariantCulture), r.Count.ToString(CultureInfo.InvariantCulture), r.CountPercent.ToString("F0", CultureInfo.InvariantCulture),
                r.Size.ToString(CultureInfo.InvariantCulture), r.SizePercent.ToString("F0", CultureInfo.InvariantCulture),
                r.CumulativePercent.ToString("F0", CultureInfo.InvariantCulture), r.Max.ToString(CultureInfo.InvariantCulture), r.Kind);
        }
        text.Append(table);
        if (Generations.Count > 0)
        {
            text.Append("generations (objects as listed above; free space as the GC left it):\n");
            var generations = new TextTable("Objects", "Bytes", "Free", "FreeBytes", "Frag%", "Generation");
            foreach (var g in Generations)
            {
                generations.Add(g.Objects.ToString("N0", CultureInfo.InvariantCulture), g.Bytes.ToString("N0", CultureInfo.InvariantCulture),
                    g.FreeObjects.ToString("N0", CultureInfo.InvariantCulture), g.FreeBytes.ToString("N0", CultureInfo.InvariantCulture),
                    g.FragmentationPercent.ToString("F1", CultureInfo.InvariantCulture), g.Generation);
            }
            text.Append(generations);
        }
        if (Segments.Count > 0)
        {
            text.Append("segments (SOS's eeheap -gc; objects as listed above, free space as the GC left it):\n");
            var segments = new TextTable("Start", "Length", "Objects", "Bytes", "Free", "FreeBytes", "Frag%", "Generation");
            foreach (var s in Segments)
            {
                segments.Add(s.Start, s.Length.ToString("N0", CultureInfo.InvariantCulture), s.Objects.ToString("N0", CultureInfo.InvariantCulture),
                    s.Bytes.ToString("N0", CultureInfo.InvariantCulture), s.FreeObjects.ToString("N0", CultureInfo.InvariantCulture),
                    s.FreeBytes.ToString("N0", CultureInfo.InvariantCulture), s.FragmentationPercent.ToString("F1", CultureInfo.InvariantCulture), s.Generation);
            }
            text.Append(segments);
        }
        return text.ToString();
    }
}
