using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Graph;

/// <summary>
/// What the signature database keeps per node (SCons's NodeInfo): the content signature,
/// the stat that signature was computed for (so an unchanged stat skips re-hashing), and for
/// built nodes the build signature they were built with.
/// Special values: <see cref="ContentSignature.None"/> = not known; <see cref="FileStamp.Unknown"/> = not stat'ed.
/// </summary>
public readonly record struct NodeInfo(ContentSignature ContentSignature, FileStamp Stamp, ContentSignature BuildSignature)
{
    /// <summary>Nothing known.</summary>
    public static NodeInfo None => new(ContentSignature.None, FileStamp.Unknown, ContentSignature.None);

    /// <summary>True when nothing is known (never stat'ed, never hashed, never built).</summary>
    public bool IsNone => ContentSignature.IsNone && Stamp.IsUnknown && BuildSignature.IsNone;
}
