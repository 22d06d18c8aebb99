using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Cycles of strong references (strongly connected components), grouped by shape, biggest first.</summary>
public sealed record HeapCycleReport(
    long Objects,
    int Cycles,
    long CycleObjects,
    long CycleBytes,
    int FrameworkCycles,
    bool IncludeFramework,
    IReadOnlyList<HeapCycleGroup> Shapes) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Cycles:N0} cycles of strong references ({CycleObjects:N0} objects, {HeapFormat.Bytes(CycleBytes)}) among {Objects:N0} objects");
        text.Append(IncludeFramework
            ? ", framework cycles included\n"
            : string.Create(CultureInfo.InvariantCulture, $"; {FrameworkCycles:N0} cycles of framework objects only left out (--include-framework)\n"));
        if (Shapes.Count == 0)
        {
            text.Append("no cycles: every object is held through a tree or a DAG of strong references\n");
            return text.ToString();
        }
        for (int i = 0; i < Shapes.Count; i++)
        {
            var g = Shapes[i];
            text.Append(CultureInfo.InvariantCulture, $"shape {i + 1}: {g.Cycles:N0} cycle(s), {g.Objects:N0} objects, {HeapFormat.Bytes(g.Bytes)}; members: {FirstOf(g.MemberTypes, ", ")}\n");
            text.Append("  edges: ").Append(FirstOf(g.Shape.Split("; "), "; ")).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"  largest: {g.LargestObjects:N0} objects, {HeapFormat.Bytes(g.LargestBytes)}, entered at {g.EntryAddress} {g.EntryType}; {g.Entries:N0} member(s) held from outside by {g.OutsideReferences:N0} reference(s)\n");
            if (g.Weaken is null)
            {
                text.Append("  no single edge kind breaks it\n");
                continue;
            }
            string effect = g.LeftInCycles == 0 ? "breaks every cycle of the largest" : $"leaves {g.LeftInCycles:N0} of its objects in cycles";
            text.Append(CultureInfo.InvariantCulture, $"  weaken: {g.Weaken} ({effect}); e.g. {g.WeakenExample}\n");
        }
        return text.ToString();
    }

    /// <summary>How many member types and edge kinds a shape shows in text (the JSON has them all): a tangle of a thousand objects has hundreds.</summary>
    public const int ShownPerShape = 8;

    private static string FirstOf(IReadOnlyList<string> items, string separator) =>
        items.Count <= ShownPerShape
            ? string.Join(separator, items)
            : string.Join(separator, items.Take(ShownPerShape)) + string.Create(CultureInfo.InvariantCulture, $"{separator}... {items.Count - ShownPerShape} more");
}
