namespace Toolkit.Introspection.Tracking;

/// <summary>
/// One tracked object's life: when it was first tracked, when it was last seen alive and when it was found
/// dead (times in milliseconds since the tracker started; death is known to lie between the last two).
/// </summary>
public sealed class InstanceRecord
{
    /// <summary>Dense id: the index of this record in <see cref="TrackerStats.Instances"/>.</summary>
    public int Id { get; set; }

    public string TypeName { get; set; } = "";

    /// <summary>Optional name given when tracking.</summary>
    public string? Name { get; set; }

    public double BornMs { get; set; }

    public double LastSeenMs { get; set; }

    /// <summary>When a snapshot or poll found it collected; null while alive.</summary>
    public double? DiedMs { get; set; }
}
