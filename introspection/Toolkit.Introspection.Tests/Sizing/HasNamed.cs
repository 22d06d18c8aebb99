namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A class that embeds a struct with a reference.</summary>
internal sealed class HasNamed
{
    public Named Inner;
    public byte Tag;
}
