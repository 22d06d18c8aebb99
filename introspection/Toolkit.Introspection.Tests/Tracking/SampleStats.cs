using System.Runtime.CompilerServices;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>Builds tracker stats with every kind of content: named objects, a death, detail fields, several snapshots.</summary>
internal static class SampleStats
{
    public static TrackerStats Build()
    {
        using var tracker = new ClassTracker();
        tracker.TrackClass<Holder>(detail: true);
        tracker.TrackClass<Tracked>();
        var holders = Enumerable.Range(0, 5).Select(i => new Holder { Name = new string('n', i * 10), Numbers = new int[i * 100] }).ToList();
        holders.ForEach(h => tracker.Observe(h));
        tracker.TrackObject(holders, "all holders");
        tracker.Snapshot("after-load");
        Garbage(tracker);
        var more = Enumerable.Range(0, 20).Select(i => new Tracked { Payload = new byte[i * 50] }).ToList();
        more.ForEach(t => tracker.Observe(t));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        tracker.Snapshot("after-build");
        GC.KeepAlive(holders);
        GC.KeepAlive(more);
        return tracker.GetStats();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Garbage(ClassTracker tracker) => tracker.TrackObject(new Tracked { Payload = new byte[1000] }, "temporary");
}
