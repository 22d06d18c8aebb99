namespace Toolkit.SizerTarget;

/// <summary>A struct with padding (byte then long then byte) and an embedded reference.</summary>
internal struct LookAlikeSignature
{
    public byte Algorithm;
    public long Low;
    public byte Flags;
    public string? Text;
}
