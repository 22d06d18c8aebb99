namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A linked node: 8-byte header + 8-byte method table + 8 + 4 = 28 -> 32 bytes.</summary>
internal sealed class Link
{
    public Link? Next;
    public int Value;
}
