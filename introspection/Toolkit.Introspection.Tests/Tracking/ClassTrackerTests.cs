using System.Runtime.CompilerServices;
using Toolkit.Introspection.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>The heap monitor's test list: single instances, lifetimes, snapshots, background monitoring, the detail logger.</summary>
public sealed class ClassTrackerTests
{
    [Fact]
    public void A_single_tracked_instance_is_sized_and_named()
    {
        using var tracker = new ClassTracker();
        var list = new List<string> { "abc", "de" };
        int id = tracker.TrackObject(list, "the list");
        Assert.Equal(id, tracker.TrackObject(list));
        var snap = tracker.Snapshot("one");
        Assert.Equal(1, snap.LiveCount);
        Assert.Equal([id], snap.InstanceIds);
        Assert.Equal(ObjectSizer.DeepSize(list), snap.InstanceSizes[0]);
        Assert.Equal(ObjectSizer.DeepSize(list), snap.TotalBytes);
        var stats = tracker.GetStats();
        Assert.Equal("the list", stats.Instances[id].Name);
        Assert.Equal("List<String>", stats.Instances[id].TypeName);
        Assert.Null(stats.Instances[id].DiedMs);
        GC.KeepAlive(list);
    }

    [Fact]
    public void An_object_that_dies_is_recorded_dead_after_a_collection_and_a_live_one_is_not()
    {
        using var tracker = new ClassTracker();
        var keep = new Tracked { Value = 1 };
        int keptId = tracker.TrackObject(keep, "kept");
        int goneId = TrackGarbage(tracker);
        tracker.Snapshot("before");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var after = tracker.Snapshot("after");
        var stats = tracker.GetStats();
        Assert.NotNull(stats.Instances[goneId].DiedMs);
        Assert.True(stats.Instances[goneId].DiedMs >= stats.Instances[goneId].LastSeenMs);
        Assert.Null(stats.Instances[keptId].DiedMs);
        Assert.Equal([keptId], after.InstanceIds);
        Assert.Equal(1, tracker.LiveCount);
        Assert.Single(stats.Deaths());
        GC.KeepAlive(keep);
    }

    [Fact]
    public void Poll_finds_deaths_without_a_snapshot()
    {
        using var tracker = new ClassTracker();
        TrackGarbage(tracker);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(1, tracker.Poll());
        Assert.Equal(0, tracker.LiveCount);
        Assert.Empty(tracker.Snapshots);
    }

    [Fact]
    public void Snapshots_count_tracked_classes_by_type_and_attribute_memory_once()
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<Tracked>();
        var b = new Tracked { Payload = new int[10] };            // 32 + 64
        var a = new Tracked { Payload = new object[] { b, "abc" } }; // 32 + (24 + 16) + 32; b is tracked itself
        Assert.True(tracker.Observe(b));
        Assert.False(tracker.Observe("not tracked"));
        Assert.Equal(1, tracker.ScanRoot(new[] { a, b }));
        var snap = tracker.Snapshot("after-load");
        Assert.Equal("after-load", snap.Label);
        Assert.Equal(2, snap.LiveCount);
        var type = Assert.Single(snap.Types);
        Assert.Equal("Tracked", type.TypeName);
        Assert.Equal(2, type.Count);
        long sizeA = snap.InstanceSizes[Array.IndexOf(snap.InstanceIds, 1)];
        long sizeB = snap.InstanceSizes[Array.IndexOf(snap.InstanceIds, 0)];
        Assert.Equal(32 + 40 + 32, sizeA);
        Assert.Equal(32 + 64, sizeB);
        Assert.Equal(sizeA + sizeB, snap.TotalBytes);
        Assert.True(snap.ManagedHeapBytes > 0 && snap.RssBytes > 0);
        Assert.True(snap.OverheadBytes > 0);
        GC.KeepAlive(a);
    }

    [Fact]
    public void Periodic_snapshots_keep_coming_at_the_interval_and_stop_when_told()
    {
        using var tracker = new ClassTracker();
        var o = new Tracked();
        tracker.TrackObject(o);
        tracker.StartPeriodic(TimeSpan.FromMilliseconds(10), "tick");
        Assert.True(tracker.IsPeriodicRunning);
        Assert.Throws<InvalidOperationException>(() => tracker.StartPeriodic(TimeSpan.FromMilliseconds(10)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (tracker.Snapshots.Count < 3 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }

        tracker.StopPeriodic();
        Assert.False(tracker.IsPeriodicRunning);
        var taken = tracker.Snapshots;
        Assert.True(taken.Count >= 3, $"only {taken.Count} periodic snapshots in 20 s");
        Assert.Equal(["tick #1", "tick #2", "tick #3"], taken.Take(3).Select(s => s.Label));
        Assert.True(taken.Zip(taken.Skip(1)).All(p => p.Second.AtMs > p.First.AtMs));
        Thread.Sleep(50);
        Assert.Equal(taken.Count, tracker.Snapshots.Count);
        GC.KeepAlive(o);
    }

    [Fact]
    public void The_detail_logger_records_bytes_per_field()
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<Holder>(detail: true);
        var second = new Holder { Name = "de" };
        var first = new Holder { Name = "abc", Numbers = new int[10], Next = second };
        tracker.Observe(first);
        tracker.Observe(second);
        var snap = tracker.Snapshot("detail");
        var totals = Assert.Single(snap.FieldTotals);
        Assert.Equal("Holder", totals.TypeName);
        Assert.Equal(2 * 40, totals.ShallowBytes);
        var byField = totals.Fields.ToDictionary(f => f.Field, f => f.Bytes);
        Assert.Equal(32 + 32, byField["Name"]);
        Assert.Equal(64, byField["Numbers"]);
        Assert.Equal(0, byField["Next"]); // the next holder is tracked itself: it owns its own memory
        var firstDetail = snap.Details.Single(d => d.InstanceId == 0);
        Assert.Equal(40, firstDetail.ShallowBytes);
        Assert.Equal(64, firstDetail.Fields.Single(f => f.Field == "Numbers").Bytes);
        Assert.Equal(40 + 32 + 64, snap.InstanceSizes[Array.IndexOf(snap.InstanceIds, 0)]);
        GC.KeepAlive(first);
    }

    [Fact]
    public void The_overhead_per_tracked_object_is_small()
    {
        const int N = 100_000;
        using var tracker = new ClassTracker();
        tracker.TrackClass<Tracked>();
        var objects = new Tracked[N];
        for (int i = 0; i < N; i++)
        {
            objects[i] = new Tracked();
            tracker.Observe(objects[i]);
        }

        long perObject = tracker.OverheadBytes() / N;
        Assert.InRange(perObject, 40, 120);
        GC.KeepAlive(objects);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int TrackGarbage(ClassTracker tracker) => tracker.TrackObject(new Tracked { Value = 2 }, "garbage");
}
