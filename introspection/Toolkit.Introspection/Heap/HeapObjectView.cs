using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Everything known about one object: type, size, length/count/string value, roots, fields by name, elements, parents, reachable and retained size, immediate dominator.</summary>
public sealed record HeapObjectView(
    string Address,
    string Type,
    string Generation,
    long Size,
    long? Length,
    long? Count,
    string? Value,
    IReadOnlyList<string> RootKinds,
    IReadOnlyList<HeapFieldValue> Fields,
    int ChildCount,
    IReadOnlyList<HeapObjectLine> Elements,
    int ParentCount,
    IReadOnlyList<HeapObjectLine> Parents,
    long ReachableObjects,
    long ReachableBytes,
    long RetainedBytes,
    string ImmediateDominator) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{Address} {Type}\n  {Generation}, size {Size} B");
        if (Length is not null)
        {
            text.Append($", length {Length}");
        }
        if (Count is not null)
        {
            text.Append($", count {Count}");
        }
        text.Append('\n');
        if (Value is not null)
        {
            text.Append($"  value \"{Value}\"\n");
        }
        if (RootKinds.Count > 0)
        {
            text.Append($"  rooted by {string.Join(", ", RootKinds)}\n");
        }
        text.Append($"  reachable {ReachableObjects:N0} objects, {ReachableBytes:N0} B; retained {RetainedBytes:N0} B; immediate dominator {ImmediateDominator}\n");
        text.Append($"  fields ({Fields.Count}):\n");
        foreach (var f in Fields)
        {
            text.Append($"    {f.Field} = {f.Address} {f.Type}{(f.Preview is null ? "" : " " + f.Preview)}\n");
        }
        if (Elements.Count > 0)
        {
            text.Append($"  elements ({ChildCount - Fields.Count}, first {Elements.Count}):\n");
            foreach (var e in Elements)
            {
                text.Append("    ").Append(e.ToText()).Append('\n');
            }
        }
        text.Append($"  parents ({ParentCount}, first {Parents.Count}):\n");
        foreach (var p in Parents)
        {
            text.Append("    ").Append(p.ToText()).Append('\n');
        }
        return text.ToString();
    }
}
