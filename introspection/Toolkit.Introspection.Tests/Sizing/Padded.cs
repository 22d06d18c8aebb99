namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>A struct with padding in declaration order: bool, double, short = 24 bytes; ideal 16.</summary>
internal struct Padded
{
    public bool Flag;
    public double Value;
    public short Small;
}
