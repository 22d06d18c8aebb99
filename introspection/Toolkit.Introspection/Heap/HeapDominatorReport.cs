using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>The top dominators (objects directly under the roots that retain the most) and retained size per type.</summary>
public sealed record HeapDominatorReport(long ReachableObjects, long ReachableBytes, int Iterations, IReadOnlyList<HeapObjectLine> Top, IReadOnlyList<HeapTypeRetained> ByType) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"reachable: {ReachableObjects:N0} objects, {ReachableBytes:N0} bytes (dominators converged in {Iterations} passes)\ntop dominators:\n");
        var top = new TextTable("Retained", "%", "Size", "Address", "Type");
        foreach (var o in Top)
        {
            top.Add((o.Retained ?? 0).ToString(CultureInfo.InvariantCulture), HeapFormat.Percent(o.Retained ?? 0, ReachableBytes).ToString("F1", CultureInfo.InvariantCulture),
                o.Size.ToString(CultureInfo.InvariantCulture), o.Address, o.Type + (o.Preview is null ? "" : " " + o.Preview));
        }
        text.Append(top).Append("retained by type:\n");
        var types = new TextTable("Retained", "%", "Shallow", "Count", "Type");
        foreach (var t in ByType)
        {
            types.Add(t.RetainedBytes.ToString(CultureInfo.InvariantCulture), HeapFormat.Percent(t.RetainedBytes, ReachableBytes).ToString("F1", CultureInfo.InvariantCulture),
                t.ShallowBytes.ToString(CultureInfo.InvariantCulture), t.Count.ToString(CultureInfo.InvariantCulture), t.Type);
        }
        text.Append(types);
        return text.ToString();
    }
}
