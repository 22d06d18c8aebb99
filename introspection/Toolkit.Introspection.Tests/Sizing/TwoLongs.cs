namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>Two longs: 16 + 16 = 32 bytes.</summary>
internal sealed class TwoLongs
{
    public long A;
    public long B;
}
