namespace Toolkit.Introspection.Tracking;

/// <summary>Detail mode, one instance: its own bytes and, per reference field, the bytes first reached through that field.</summary>
public sealed class InstanceDetail
{
    public int InstanceId { get; set; }

    public long ShallowBytes { get; set; }

    public List<FieldBytes> Fields { get; set; } = [];
}
