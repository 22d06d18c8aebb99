using System.Globalization;
using System.Text;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// What <see cref="ClassTracker.CheckExpectedDead"/> found: how many objects were expected dead, how many died, and each survivor with
/// its retention paths (root kind, a static field's name, then each object and the field that holds the next). <see cref="PathsNote"/>
/// says why paths are missing when they are (not asked for, or the snapshot failed).
/// </summary>
public sealed record ExpectDeadReport(int Expected, int Died, IReadOnlyList<ExpectDeadSurvivor> Survivors, TimeSpan PathsTime, string? PathsNote)
{
    /// <summary>True when every object expected dead died.</summary>
    public bool AllDied => Survivors.Count == 0;

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"expected dead: {Expected:N0}, died: {Died:N0}, survived: {Survivors.Count:N0}");
        text.Append(Survivors.Count > 0 && PathsNote is null ? string.Create(CultureInfo.InvariantCulture, $" (paths from a heap snapshot, {PathsTime.TotalSeconds:0.00} s)\n") : "\n");
        if (PathsNote is not null && Survivors.Count > 0)
        {
            text.Append("  no retention paths: ").Append(PathsNote).Append('\n');
        }
        foreach (var s in Survivors.Take(ShownSurvivors))
        {
            text.Append(CultureInfo.InvariantCulture, $"survivor {s.Label}: {s.Type}{(s.Address.Length == 0 ? "" : " at " + s.Address)}\n");
            if (s.Paths.Count == 0 && PathsNote is null && s.Address.Length > 0)
            {
                text.Append("  no path from a root found (held only by what the search leaves out)\n");
            }
            for (int i = 0; i < s.Paths.Count; i++)
            {
                var path = s.Paths[i];
                text.Append(CultureInfo.InvariantCulture, $"  path {i + 1}, root {path.RootKind}{(path.RootName.Length == 0 ? "" : " " + path.RootName)}:\n");
                foreach (var step in path.Steps)
                {
                    text.Append("    ").Append(step.ViaField is null ? "" : "." + step.ViaField + " -> ").Append(step.Address).Append(' ').Append(step.Type).Append('\n');
                }
            }
        }
        if (Survivors.Count > ShownSurvivors)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {Survivors.Count - ShownSurvivors:N0} more survivors\n");
        }
        return text.ToString();
    }

    /// <summary>How many survivors the text lists (all are in <see cref="Survivors"/>).</summary>
    public const int ShownSurvivors = 50;
}
