namespace Toolkit.Introspection.Tracking;

/// <summary>Bytes held through one field (path like "Signature.Text" for fields of embedded structs).</summary>
public sealed class FieldBytes
{
    public string Field { get; set; } = "";

    public long Bytes { get; set; }
}
