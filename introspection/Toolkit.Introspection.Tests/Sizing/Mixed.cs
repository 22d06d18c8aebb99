namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A class of small fields that the runtime reorders: 16 + 8 + 1 + 1 (+6 padding) = 32.</summary>
internal sealed class Mixed
{
    public byte A;
    public long B;
    public byte C;
}
