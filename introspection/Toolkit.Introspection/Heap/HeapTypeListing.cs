using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>The objects of a type, biggest first (Meliae's get_all), with the type's totals.</summary>
public sealed record HeapTypeListing(string TypeName, long Count, long Bytes, IReadOnlyList<HeapObjectLine> Objects) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{TypeName}: {Count:N0} objects, {Bytes:N0} bytes; biggest {Objects.Count}:\n");
        foreach (var o in Objects)
        {
            text.Append("  ").Append(o.ToText()).Append('\n');
        }
        return text.ToString();
    }
}
