namespace Toolkit.SizerTarget;

/// <summary>A byte-wide enum like the engine's NodeKind.</summary>
internal enum LookAlikeKind : byte
{
    Source,
    Header,
    Object,
    Program,
}
