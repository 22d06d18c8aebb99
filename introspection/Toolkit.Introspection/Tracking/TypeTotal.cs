namespace Toolkit.Introspection.Tracking;

/// <summary>Per-type line of a snapshot: live tracked instances of a type and the bytes they own.</summary>
public sealed class TypeTotal
{
    public string TypeName { get; set; } = "";

    public long Count { get; set; }

    public long Bytes { get; set; }
}
