using System.Globalization;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>The tables every report shows, built once from <see cref="TrackerStats"/>: snapshots, types, largest instances, lifetimes, field totals.</summary>
internal static class StatsTables
{
    /// <summary>How many instances the "largest" table lists.</summary>
    public const int LargestCount = 15;

    public static string Summary(TrackerStats stats)
    {
        int dead = stats.Instances.Count(i => i.DiedMs is not null);
        return $"Tracker started {stats.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC; {stats.Instances.Count:N0} objects tracked ({dead:N0} found dead); "
            + $"{stats.Snapshots.Count} snapshots; classes: {(stats.TrackedClasses.Count == 0 ? "none" : string.Join(", ", stats.TrackedClasses))}"
            + (stats.DetailClasses.Count > 0 ? $"; detail: {string.Join(", ", stats.DetailClasses)}" : "")
            + Cost(stats);
    }

    /// <summary>The tracker's own cost: bytes per tracked object, and time and bytes per snapshot of each kind.</summary>
    public static string Cost(TrackerStats stats)
    {
        var last = stats.Snapshots.LastOrDefault(s => s.TrackedCount > 0);
        if (last is null)
        {
            return "";
        }

        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.Append(c, $". Tracker cost: {last.TableBytes / (double)last.TrackedCount:F0} bytes per tracked object");
        foreach (var kind in stats.Snapshots.GroupBy(s => s.Full).OrderByDescending(g => g.Key))
        {
            text.Append(c, $"; {(kind.Key ? "full" : "incremental")} snapshots {kind.Average(s => s.DurationMs):F1} ms and {ByteFormat.Format((long)kind.Average(s => s.RecordBytes))} each on average ({kind.Count()})");
        }

        return text.ToString();
    }

    public static TextTable Snapshots(TrackerStats stats)
    {
        // "managed heap": GC.GetTotalMemory at the snapshot's start; "after GC" when a full blocking collection ran just before (live objects only), else garbage is included.
        var t = new TextTable("snapshot", "at (s)", "kind", "live", "re-sized", "tracked bytes", "managed heap", "heap read", "RSS", "tracker overhead", "took (ms)");
        foreach (var s in stats.Snapshots)
        {
            t.Add(s.Label, (s.AtMs / 1000).ToString("F2", CultureInfo.InvariantCulture), s.Full ? "full" : "incremental", s.LiveCount.ToString("N0", CultureInfo.InvariantCulture),
                s.ResizedCount.ToString("N0", CultureInfo.InvariantCulture), ByteFormat.Format(s.TotalBytes), ByteFormat.Format(s.ManagedHeapBytes),
                s.HeapAfterCollection ? "after GC" : "with garbage", ByteFormat.Format(s.RssBytes),
                ByteFormat.Format(s.OverheadBytes), s.DurationMs.ToString("F1", CultureInfo.InvariantCulture));
        }

        return t;
    }

    public static TextTable Types(SnapshotRecord snapshot)
    {
        var t = new TextTable("type", "instances", "bytes", "per instance");
        foreach (var ty in snapshot.Types)
        {
            t.Add(ty.TypeName, ty.Count.ToString("N0", CultureInfo.InvariantCulture), ByteFormat.Format(ty.Bytes),
                ty.Count == 0 ? "0" : (ty.Bytes / ty.Count).ToString("N0", CultureInfo.InvariantCulture));
        }

        return t;
    }

    public static TextTable Largest(TrackerStats stats, SnapshotRecord snapshot)
    {
        var t = new TextTable("id", "type", "name", "bytes");
        foreach (var (inst, bytes) in stats.LargestInstances(snapshot, LargestCount))
        {
            t.Add(inst.Id.ToString(CultureInfo.InvariantCulture), inst.TypeName, inst.Name ?? "", ByteFormat.Format(bytes));
        }

        return t;
    }

    public static TextTable Lifetimes(TrackerStats stats)
    {
        var t = new TextTable("type", "tracked", "dead", "alive", "mean lifetime of the dead (ms)");
        foreach (var g in stats.Instances.GroupBy(i => i.TypeName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var dead = g.Where(i => i.DiedMs is not null).ToList();
            t.Add(g.Key, g.Count().ToString("N0", CultureInfo.InvariantCulture), dead.Count.ToString("N0", CultureInfo.InvariantCulture),
                (g.Count() - dead.Count).ToString("N0", CultureInfo.InvariantCulture),
                dead.Count == 0 ? "" : dead.Average(i => i.DiedMs!.Value - i.BornMs).ToString("F1", CultureInfo.InvariantCulture));
        }

        return t;
    }

    public static TextTable Fields(SnapshotRecord snapshot)
    {
        var t = new TextTable("type", "field", "bytes held");
        foreach (var ft in snapshot.FieldTotals)
        {
            t.Add(ft.TypeName, "(the instances themselves)", ByteFormat.Format(ft.ShallowBytes));
            foreach (var f in ft.Fields.OrderByDescending(f => f.Bytes))
            {
                t.Add(ft.TypeName, f.Field, ByteFormat.Format(f.Bytes));
            }
        }

        return t;
    }
}
