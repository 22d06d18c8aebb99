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
    public const int CurrentFormatVersion = 1;

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

    /// <summary>Loads and checks a saved file; throws <see cref="TrackerStatsFormatException"/> naming the file and the fault.</summary>
    public static TrackerStats Load(string path) => TrackerStatsFile.Load(File.ReadAllBytes(path), path);

    public static TrackerStats Load(byte[] json, string source) => TrackerStatsFile.Load(json, source);

    /// <summary>The snapshot with this label (the last one if several share it).</summary>
    public SnapshotRecord? Find(string label) => Snapshots.LastOrDefault(s => s.Label == label);

    /// <summary>The <paramref name="count"/> largest instances of a snapshot, largest first.</summary>
    public IReadOnlyList<(InstanceRecord Instance, long Bytes)> LargestInstances(SnapshotRecord snapshot, int count)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Enumerable.Range(0, snapshot.InstanceIds.Length)
            .OrderByDescending(i => snapshot.InstanceSizes[i])
            .ThenBy(i => snapshot.InstanceIds[i])
            .Take(count)
            .Select(i => (Instances[snapshot.InstanceIds[i]], snapshot.InstanceSizes[i]))
            .ToList();
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
