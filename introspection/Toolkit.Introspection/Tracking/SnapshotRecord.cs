namespace Toolkit.Introspection.Tracking;

/// <summary>
/// What one snapshot saw: per-type counts and bytes, each live instance's size, the process's managed heap
/// and RSS, and the tracker's own overhead. Instance sizes are "owned" bytes: the instance plus what it
/// reaches that no other tracked instance (nor an earlier one in the same snapshot) reaches first.
/// </summary>
public sealed class SnapshotRecord
{
    public string Label { get; set; } = "";

    /// <summary>Milliseconds since the tracker started.</summary>
    public double AtMs { get; set; }

    public DateTime TimestampUtc { get; set; }

    /// <summary>How long taking this snapshot took.</summary>
    public double DurationMs { get; set; }

    public long ManagedHeapBytes { get; set; }

    public long RssBytes { get; set; }

    /// <summary>Bytes the tracker's own tables and saved snapshots take (weak-handle slots included).</summary>
    public long OverheadBytes { get; set; }

    public long TotalBytes { get; set; }

    public long LiveCount { get; set; }

    public List<TypeTotal> Types { get; set; } = [];

    /// <summary>Ids of the live instances, parallel to <see cref="InstanceSizes"/>.</summary>
    public int[] InstanceIds { get; set; } = [];

    public long[] InstanceSizes { get; set; } = [];

    /// <summary>Per-instance field breakdowns for detail-mode types (the largest, up to the tracker's limit).</summary>
    public List<InstanceDetail> Details { get; set; } = [];

    /// <summary>Per-type field totals for detail-mode types.</summary>
    public List<TypeFieldTotals> FieldTotals { get; set; } = [];
}
