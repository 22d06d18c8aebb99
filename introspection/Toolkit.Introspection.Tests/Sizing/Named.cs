namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A struct holding a reference, for struct arrays.</summary>
internal struct Named
{
    public int Id;
    public string? Name;
}
