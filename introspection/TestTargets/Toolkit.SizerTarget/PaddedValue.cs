namespace Toolkit.SizerTarget;

/// <summary>A pure-value struct with padding, for boxing and struct arrays.</summary>
internal struct PaddedValue
{
    public bool Flag;
    public double Value;
    public short Small;
}
