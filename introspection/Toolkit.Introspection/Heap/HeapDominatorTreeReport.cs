using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>A part of the dominator tree: under one object (or under the roots), the biggest dominated objects to a depth.</summary>
public sealed record HeapDominatorTreeReport(string Under, long RetainedBytes, IReadOnlyList<HeapDominatorNode> Children) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"dominator tree under {Under} ({RetainedBytes:N0} bytes retained):\n");
        foreach (var child in Children)
        {
            Append(text, child, 1);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, HeapDominatorNode node, int depth)
    {
        var o = node.Object;
        text.Append(' ', depth * 2).Append((o.Retained ?? 0).ToString("N0", CultureInfo.InvariantCulture)).Append(" B  ").Append(o.Address).Append(' ').Append(o.Type);
        if (o.Preview is not null)
        {
            text.Append(' ').Append(o.Preview);
        }
        int hidden = node.DominatedCount - node.Children.Count;
        text.Append(node.DominatedCount == 0 ? "" : hidden > 0 && node.Children.Count > 0 ? $"  (+{hidden} more dominated)" : node.Children.Count == 0 ? $"  ({node.DominatedCount} dominated)" : "").Append('\n');
        foreach (var child in node.Children)
        {
            Append(text, child, depth + 1);
        }
    }
}
