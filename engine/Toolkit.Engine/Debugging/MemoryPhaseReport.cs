using System.Globalization;
using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Engine.Debugging;

/// <summary>
/// <c>--debug=memory</c>: as SCons's, the memory at each phase of a build (after reading the manifest,
/// after scanning, after building): the managed heap after a full collection, the process's RSS, and
/// the bytes of each tracked engine type, one column per phase.
/// </summary>
public static class MemoryPhaseReport
{
    /// <summary>The labels of the phase snapshots, in order.</summary>
    public static IReadOnlyList<string> Phases { get; } = ["after read", "after scan", "after build"];

    /// <summary>Renders one column per phase snapshot found in <paramref name="stats"/>.</summary>
    public static string Render(TrackerStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var c = CultureInfo.InvariantCulture;
        var snapshots = Phases.Select(stats.Find).OfType<SnapshotRecord>().ToList();
        var text = new StringBuilder("Memory (bytes; managed heap after a full collection):\n");
        text.Append(c, $"{"",-34}");
        foreach (var s in snapshots)
        {
            text.Append(c, $" {s.Label,14}");
        }

        text.Append('\n');
        Row("managed heap", s => s.ManagedHeapBytes);
        Row("RSS", s => s.RssBytes);
        Row("tracked engine types", s => s.TotalBytes);
        var types = snapshots.SelectMany(s => s.Types).GroupBy(t => t.TypeName)
            .OrderByDescending(g => g.Max(t => t.Bytes)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        foreach (var type in types)
        {
            Row("  " + type, s => s.Types.FirstOrDefault(t => t.TypeName == type)?.Bytes ?? 0);
        }

        Row("tracker overhead", s => s.OverheadBytes);
        return text.ToString();

        void Row(string name, Func<SnapshotRecord, long> value)
        {
            text.Append(c, $"{(name.Length > 34 ? name[..31] + "..." : name),-34}");
            foreach (var s in snapshots)
            {
                text.Append(c, $" {value(s),14:N0}");
            }

            text.Append('\n');
        }
    }
}
