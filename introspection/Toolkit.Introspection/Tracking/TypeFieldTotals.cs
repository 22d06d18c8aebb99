namespace Toolkit.Introspection.Tracking;

/// <summary>Detail mode, one type: bytes held through each field summed over all live instances of the type.</summary>
public sealed class TypeFieldTotals
{
    public string TypeName { get; set; } = "";

    public long ShallowBytes { get; set; }

    public List<FieldBytes> Fields { get; set; } = [];
}
