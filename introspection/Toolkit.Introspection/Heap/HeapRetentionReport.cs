using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>The instances of a type grouped by how they are retained (the types on their shortest path from a root), most instances first.</summary>
public sealed record HeapRetentionReport(string Type, long Objects, long Bytes, long Unreached, IReadOnlyList<HeapRetentionGroup> Groups) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{Type}: {Objects:N0} objects, {Bytes:N0} bytes, in {Groups.Count} retention group(s)");
        text.Append(Unreached > 0 ? $"; {Unreached:N0} reached by no root\n" : "\n");
        foreach (var g in Groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {g.Objects:N0} objects, {g.Bytes:N0} B (e.g. {g.ExampleAddress}), root {g.RootKind}:\n");
            text.Append("    ").Append(string.Join(" -> ", g.Path)).Append('\n');
        }
        return text.ToString();
    }
}
