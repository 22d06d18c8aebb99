using System.Globalization;
using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Engine.Debugging;

/// <summary>
/// <c>--debug=memory</c>: as SCons's, the memory at each phase of a build (after reading the manifest,
/// after scanning, after building), accounting for the whole managed heap: the live managed heap after
/// a full blocking collection (read before the snapshot allocates its own scratch), split into the
/// bytes the tracked engine types own (per type), the tracker's own tables and kept snapshots, and
/// everything else (the runtime, the CLI, objects no engine instance reaches); then the process's RSS.
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
        var text = new StringBuilder(snapshots.All(s => s.HeapAfterCollection)
            ? "Memory (bytes; managed heap = live objects after a full blocking collection = tracked + tracker + other):\n"
            : "Memory (bytes; managed heap read without a collection before it: it includes garbage):\n");
        text.Append(c, $"{"",-36}");
        foreach (var s in snapshots)
        {
            text.Append(c, $" {s.Label,14}");
        }

        text.Append('\n');
        Row("managed heap", s => s.ManagedHeapBytes);
        Row("  tracked engine types", s => s.TotalBytes);
        var types = snapshots.SelectMany(s => s.Types).GroupBy(t => t.TypeName)
            .OrderByDescending(g => g.Max(t => t.Bytes)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        foreach (var type in types)
        {
            Row("    " + type, s => s.Types.FirstOrDefault(t => t.TypeName == type)?.Bytes ?? 0);
        }

        Row("  tracker (tables, snapshots)", Tracker);
        Row("  other (runtime, CLI, untracked)", s => s.ManagedHeapBytes - s.TotalBytes - Tracker(s));
        Row("RSS", s => s.RssBytes);
        return text.ToString();

        // The heap is read as the snapshot starts: the tracker's part of it is its tables and the snapshots before
        // this one, less its weak-handle slots (one pointer per live instance), which are native memory.
        static long Tracker(SnapshotRecord s) => s.OverheadBytes - s.RecordBytes - (s.LiveCount * IntPtr.Size);

        void Row(string name, Func<SnapshotRecord, long> value)
        {
            text.Append(c, $"{(name.Length > 36 ? name[..33] + "..." : name),-36}");
            foreach (var s in snapshots)
            {
                text.Append(c, $" {value(s),14:N0}");
            }

            text.Append('\n');
        }
    }
}
