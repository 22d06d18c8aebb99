namespace Toolkit.Introspection.Tracking;

/// <summary>
/// What one snapshot saw: per-type counts and bytes, the instances it sized, the process's managed heap
/// and RSS, and the tracker's own cost. Instance sizes are "owned" bytes: the instance plus what it
/// reaches that no other tracked instance (nor an earlier one in the same snapshot) reaches first.
/// A <see cref="Full"/> snapshot lists every live instance; an incremental one lists only the instances
/// born or re-sized with a new size since the previous snapshot, and <see cref="DeadIds"/> those found
/// dead: <see cref="TrackerStats.LiveSizes"/> replays them into the full picture.
/// </summary>
public sealed class SnapshotRecord
{
    public string Label { get; set; } = "";

    /// <summary>Milliseconds since the tracker started.</summary>
    public double AtMs { get; set; }

    public DateTime TimestampUtc { get; set; }

    /// <summary>How long taking this snapshot took (wall clock, the tracker's lock held).</summary>
    public double DurationMs { get; set; }

    /// <summary>
    /// <c>GC.GetTotalMemory(false)</c> when the snapshot started, before its own scratch was allocated:
    /// live objects plus garbage not yet collected, unless <see cref="HeapAfterCollection"/>.
    /// </summary>
    public long ManagedHeapBytes { get; set; }

    /// <summary>True when a full blocking collection ran just before the heap was read, so <see cref="ManagedHeapBytes"/> is live objects only.</summary>
    public bool HeapAfterCollection { get; set; }

    public long RssBytes { get; set; }

    /// <summary>Bytes the tracker held after this snapshot: its per-object table, names, types and kept snapshots (weak-handle slots included).</summary>
    public long OverheadBytes { get; set; }

    /// <summary>The part of <see cref="OverheadBytes"/> that grows with tracked objects (the table and its handle slots).</summary>
    public long TableBytes { get; set; }

    /// <summary>Objects tracked so far, dead ones included: <see cref="TableBytes"/> / this is the cost per tracked object.</summary>
    public long TrackedCount { get; set; }

    /// <summary>Bytes this record itself takes in the tracker's memory: the cost of keeping the snapshot.</summary>
    public long RecordBytes { get; set; }

    public long TotalBytes { get; set; }

    public long LiveCount { get; set; }

    /// <summary>True when every live instance was sized and is listed; false for an incremental snapshot.</summary>
    public bool Full { get; set; } = true;

    /// <summary>Live instances walked to size them in this snapshot (all of them in a full one; the new and changed ones in an incremental one).</summary>
    public long ResizedCount { get; set; }

    public List<TypeTotal> Types { get; set; } = [];

    /// <summary>Ids of the instances listed, parallel to <see cref="InstanceSizes"/>: every live one when <see cref="Full"/>, otherwise the born and re-sized ones.</summary>
    public int[] InstanceIds { get; set; } = [];

    public long[] InstanceSizes { get; set; } = [];

    /// <summary>Instances this snapshot found dead (they were alive at the previous one).</summary>
    public int[] DeadIds { get; set; } = [];

    /// <summary>Per-instance field breakdowns for detail-mode types (the largest, up to the tracker's limit).</summary>
    public List<InstanceDetail> Details { get; set; } = [];

    /// <summary>Per-type field totals for detail-mode types.</summary>
    public List<TypeFieldTotals> FieldTotals { get; set; } = [];
}
