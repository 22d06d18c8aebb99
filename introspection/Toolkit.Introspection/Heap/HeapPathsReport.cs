using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>Paths from roots to one object, shortest first; none when nothing roots it (garbage).</summary>
public sealed record HeapPathsReport(string Address, string Type, IReadOnlyList<HeapPath> Paths) : IHeapReport
{
    public string ToText()
    {
        var text = new StringBuilder($"{Address} {Type}: {Paths.Count} path(s) from roots\n");
        if (Paths.Count == 0)
        {
            text.Append("  no root reaches it (garbage not yet collected)\n");
        }
        for (int i = 0; i < Paths.Count; i++)
        {
            string name = Paths[i].RootName.Length == 0 ? "" : " " + Paths[i].RootName;
            text.Append($"  path {i + 1} ({Paths[i].Steps.Count} objects), root {Paths[i].RootKind}{name}:\n");
            foreach (var s in Paths[i].Steps)
            {
                text.Append($"    {(s.ViaField is null ? "" : "." + s.ViaField + " -> ")}{s.Address} {s.Type}\n");
            }
        }
        return text.ToString();
    }
}
