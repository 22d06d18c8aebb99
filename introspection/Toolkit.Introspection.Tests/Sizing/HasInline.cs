namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A class embedding an inline array: 16 + 3 * 8 = 40 bytes.</summary>
internal sealed class HasInline
{
    public ThreeStrings Items;
}
