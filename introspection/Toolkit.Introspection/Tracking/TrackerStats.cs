namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Everything a <see cref="ClassTracker"/> recorded: tracked types, each instance's lifetime and every
/// snapshot. Plain data, saved to and loaded from a versioned JSON file, so it can be analysed in another
/// process without the tracked program. Size: about 12 bytes per live instance per snapshot, plus one
/// record per instance ever tracked.
/// </summary>
public sealed class TrackerStats
{
    /// <summary>The format this build writes; loading a file with a newer version fails with a message naming both.</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>Written first so a reader can check it before trusting the rest.</summary>
    public int FormatVersion { get; set; } = CurrentFormatVersion;

    public DateTime StartedUtc { get; set; }

    /// <summary>Types tracked as classes (all their instances), friendly names.</summary>
    public List<string> TrackedClasses { get; set; } = [];

    /// <summary>Types tracked in detail mode.</summary>
    public List<string> DetailClasses { get; set; } = [];

    public List<InstanceRecord> Instances { get; set; } = [];

    public List<SnapshotRecord> Snapshots { get; set; } = [];

    /// <summary>Writes the stats as versioned JSON.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        TrackerStatsFile.Save(this, stream);
    }

    public void Save(Stream stream) => TrackerStatsFile.Save(this, stream);

    /// <summary>
    /// Loads and checks a saved file (version 1 or 2), streaming it: memory is what the stats hold, not the
    /// file's size. Throws <see cref="TrackerStatsFormatException"/> naming the file, the field and the fault.
    /// </summary>
    public static TrackerStats Load(string path) => TrackerStatsFile.Load(path);

    /// <summary>Loads from a stream; <paramref name="source"/> names it in error messages.</summary>
    public static TrackerStats Load(Stream stream, string source) => TrackerStatsFile.Load(stream, source);

    public static TrackerStats Load(byte[] json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(json, writable: false);
        return TrackerStatsFile.Load(stream, source);
    }

    /// <summary>The snapshot with this label (the last one if several share it).</summary>
    public SnapshotRecord? Find(string label) => Snapshots.LastOrDefault(s => s.Label == label);

    /// <summary>The <paramref name="count"/> largest instances alive at a snapshot, largest first.</summary>
    public IReadOnlyList<(InstanceRecord Instance, long Bytes)> LargestInstances(SnapshotRecord snapshot, int count)
    {
        var (ids, sizes) = LiveSizes(snapshot);
        return Enumerable.Range(0, ids.Length)
            .OrderByDescending(i => sizes[i])
            .ThenBy(i => ids[i])
            .Take(count)
            .Select(i => (Instances[ids[i]], sizes[i]))
            .ToList();
    }

    /// <summary>
    /// Every instance alive at <paramref name="snapshot"/> with its size, by id: the snapshot itself when
    /// it is full, otherwise the last full one with the incremental ones after it replayed on top.
    /// Costs one pass over those snapshots' lists and an array of one entry per instance.
    /// </summary>
    public (int[] Ids, long[] Sizes) LiveSizes(SnapshotRecord snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int at = Snapshots.IndexOf(snapshot);
        if (at < 0)
        {
            throw new ArgumentException($"snapshot \"{snapshot.Label}\" is not one of these stats", nameof(snapshot));
        }

        if (snapshot.Full)
        {
            return (snapshot.InstanceIds, snapshot.InstanceSizes);
        }

        int from = at;
        while (from > 0 && !Snapshots[from].Full)
        {
            from--;
        }

        var size = new long[Instances.Count];
        Array.Fill(size, -1);
        for (int s = from; s <= at; s++)
        {
            foreach (int id in Snapshots[s].DeadIds)
            {
                size[id] = -1;
            }

            var listed = Snapshots[s];
            for (int i = 0; i < listed.InstanceIds.Length; i++)
            {
                size[listed.InstanceIds[i]] = listed.InstanceSizes[i];
            }
        }

        var ids = new List<int>();
        var sizes = new List<long>();
        for (int id = 0; id < size.Length; id++)
        {
            if (size[id] >= 0)
            {
                ids.Add(id);
                sizes.Add(size[id]);
            }
        }

        return ([.. ids], [.. sizes]);
    }

    /// <summary>All type names seen in any snapshot, by bytes in the last snapshot that has them (largest first).</summary>
    public IReadOnlyList<string> TypeNamesByBytes() =>
        Snapshots.SelectMany(s => s.Types)
            .GroupBy(t => t.TypeName)
            .Select(g => (Name: g.Key, Bytes: g.Max(t => t.Bytes)))
            .OrderByDescending(x => x.Bytes)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .ToList();

    /// <summary>Instances found dead, with their lifetime (birth to death detection) in milliseconds.</summary>
    public IEnumerable<(InstanceRecord Instance, double LifetimeMs)> Deaths() =>
        Instances.Where(i => i.DiedMs is not null).Select(i => (i, i.DiedMs!.Value - i.BornMs));
}
