using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// SCons's NodeInfo as a first port keeps it: an object per node with the signatures as
/// 32-character hex strings (88 bytes each on the heap, against 16 bytes as raw values).
/// </summary>
public sealed class BaselineNodeInfo
{
    /// <summary>Nothing known.</summary>
    public static BaselineNodeInfo Empty { get; } = new(null, FileStamp.Unknown, null);

    /// <summary>Creates the info.</summary>
    public BaselineNodeInfo(string? contentSignature, FileStamp stamp, string? buildSignature)
    {
        ContentSignature = contentSignature;
        Stamp = stamp;
        BuildSignature = buildSignature;
    }

    /// <summary>Content signature in hex, or null.</summary>
    public string? ContentSignature { get; }

    /// <summary>The stat the signature belongs to.</summary>
    public FileStamp Stamp { get; }

    /// <summary>Build signature in hex, or null.</summary>
    public string? BuildSignature { get; }

    /// <summary>From the engine's value form.</summary>
    public static BaselineNodeInfo From(NodeInfo info) => info.IsNone
        ? Empty
        : new(info.ContentSignature.IsNone ? null : info.ContentSignature.ToHex(), info.Stamp, info.BuildSignature.IsNone ? null : info.BuildSignature.ToHex());

    /// <summary>To the engine's value form.</summary>
    public NodeInfo ToNodeInfo() => new(
        ContentSignature is null ? Signatures.ContentSignature.None : Signatures.ContentSignature.ParseHex(ContentSignature),
        Stamp,
        BuildSignature is null ? Signatures.ContentSignature.None : Signatures.ContentSignature.ParseHex(BuildSignature));
}
