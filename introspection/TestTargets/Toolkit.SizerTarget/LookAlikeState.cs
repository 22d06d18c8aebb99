namespace Toolkit.SizerTarget;

/// <summary>A byte-wide enum like the engine's NodeState.</summary>
internal enum LookAlikeState : byte
{
    None,
    Pending,
    Built,
}
