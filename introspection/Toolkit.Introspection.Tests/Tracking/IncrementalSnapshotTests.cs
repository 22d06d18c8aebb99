using System.Runtime.CompilerServices;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>Incremental snapshots walk only what changed, list only what changed, and add up to what a full snapshot sees.</summary>
public sealed class IncrementalSnapshotTests
{
    [Fact]
    public void An_incremental_snapshot_resizes_only_the_changed_and_replays_to_the_full_picture()
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<Tracked>();
        var items = Enumerable.Range(0, 200).Select(i => new Tracked { Value = i, Payload = new List<int> { i } }).ToList();
        items.ForEach(t => tracker.Observe(t));
        var first = tracker.Snapshot("full", incremental: true); // the first is full whatever was asked
        Assert.True(first.Full);
        Assert.Equal(200, first.ResizedCount);

        var unchanged = tracker.Snapshot("nothing changed", incremental: true);
        Assert.False(unchanged.Full);
        Assert.Equal(0, unchanged.ResizedCount);
        Assert.Empty(unchanged.InstanceIds);

        items[3].Value = 99;                                        // a number field
        ((List<int>)items[5].Payload!).AddRange(Enumerable.Range(0, 100)); // a list in a field grows
        items[7].Payload = "a new string";                          // a field assigned
        var added = new Tracked { Payload = new byte[64] };
        tracker.Observe(added);
        DropOne(items);                                             // items[0] dies
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var incremental = tracker.Snapshot("changed", incremental: true);
        Assert.Equal(4, incremental.ResizedCount);                  // 3, 5, 7 and the new one; not the 195 others
        Assert.Equal([0], incremental.DeadIds);
        Assert.Equal(200, incremental.LiveCount);

        var full = tracker.Snapshot("check");
        var stats = tracker.GetStats();
        var replayed = stats.LiveSizes(stats.Snapshots[2]);
        Assert.Equal(full.InstanceIds, replayed.Ids);
        Assert.Equal(full.InstanceSizes, replayed.Sizes);
        Assert.Equal(full.TotalBytes, incremental.TotalBytes);
        Assert.Equal(full.Types.Single().Bytes, incremental.Types.Single().Bytes);
        Assert.True(incremental.RecordBytes < first.RecordBytes, $"incremental record {incremental.RecordBytes} bytes, full {first.RecordBytes}");
        GC.KeepAlive(items);
        GC.KeepAlive(added);
    }

    [Fact]
    public void Detail_totals_stay_right_through_incremental_snapshots()
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<Holder>(detail: true);
        var holders = Enumerable.Range(0, 20).Select(i => new Holder { Name = new string('x', i) }).ToList();
        holders.ForEach(h => tracker.Observe(h));
        tracker.Snapshot("full");
        holders[2].Numbers = new int[100];
        holders[4].Name = null;
        var incremental = tracker.Snapshot("changed", incremental: true);
        var full = tracker.Snapshot("check");
        Assert.Equal(2, incremental.ResizedCount);
        var a = Assert.Single(incremental.FieldTotals);
        var b = Assert.Single(full.FieldTotals);
        Assert.Equal(b.ShallowBytes, a.ShallowBytes);
        Assert.Equal(b.Fields.Select(f => (f.Field, f.Bytes)), a.Fields.Select(f => (f.Field, f.Bytes)));
        Assert.Equal(["Name", "Numbers", "Next"], a.Fields.Select(f => f.Field));
        GC.KeepAlive(holders);
    }

    [Fact]
    public void With_TrackReachable_a_snapshot_finds_an_instance_hung_off_a_changed_one()
    {
        using var tracker = new ClassTracker { TrackReachable = true };
        tracker.TrackClass<Holder>();
        var root = new Holder { Name = "root" };
        tracker.Observe(root);
        tracker.Snapshot("one");
        root.Next = new Holder { Name = "found without Observe", Numbers = new int[10] };
        var snap = tracker.Snapshot("two", incremental: true);
        Assert.Equal(2, snap.LiveCount);
        Assert.Equal(2, snap.ResizedCount);
        var stats = tracker.GetStats();
        var (ids, sizes) = stats.LiveSizes(snap);
        Assert.Equal(2, ids.Length);
        Assert.Equal(Toolkit.Introspection.Sizing.ObjectSizer.DeepSize(root.Next), sizes[1]); // it owns itself; the root no longer counts it
        GC.KeepAlive(root);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropOne(List<Tracked> items) => items.RemoveAt(0);
}
