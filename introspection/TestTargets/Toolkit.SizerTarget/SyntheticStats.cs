using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>
/// Valid tracker stats of any size without running a tracker: instances of
/// five types, a third of them dead by the end, and full snapshots listing every live one. For the
/// reader's memory test (linked into the tests) and for big files: dotnet run -- bigstats OUT.json N S.
/// </summary>
internal static class SyntheticStats
{
    private static readonly string[] TypeNames = ["Node", "Executor", "List<Node>", "BuildInfo", "Dictionary<String, Node>"];

    public static TrackerStats Build(int instances, int snapshots, int formatVersion = TrackerStats.CurrentFormatVersion)
    {
        var stats = new TrackerStats { FormatVersion = formatVersion, StartedUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), TrackedClasses = [.. TypeNames] };
        for (int i = 0; i < instances; i++)
        {
            bool dies = i % 3 == 0;
            stats.Instances.Add(new InstanceRecord
            {
                Id = i,
                TypeName = TypeNames[i % TypeNames.Length],
                Name = i % 1000 == 0 ? $"part {i}" : null,
                BornMs = i * 0.01,
                LastSeenMs = (snapshots - 1) * 100.0,
                DiedMs = dies ? snapshots * 100.0 : null,
            });
        }

        for (int s = 0; s < snapshots; s++)
        {
            bool last = s == snapshots - 1;
            var ids = Enumerable.Range(0, instances).Where(i => !last || i % 3 != 0).ToArray();
            stats.Snapshots.Add(new SnapshotRecord
            {
                Label = $"snapshot {s}",
                AtMs = s * 100.0,
                TimestampUtc = stats.StartedUtc.AddMilliseconds(s * 100.0),
                DurationMs = 10,
                InstanceIds = ids,
                InstanceSizes = [.. ids.Select(i => 24L + (i % 500))],
                DeadIds = last && s > 0 ? [.. Enumerable.Range(0, instances).Where(i => i % 3 == 0)] : [],
                LiveCount = ids.Length,
                TotalBytes = ids.Sum(i => 24L + (i % 500)),
                TrackedCount = instances,
                Types = [.. TypeNames.Select(t => new TypeTotal { TypeName = t, Count = ids.Length / TypeNames.Length, Bytes = ids.Length * 100L })],
            });
        }

        return stats;
    }
}
