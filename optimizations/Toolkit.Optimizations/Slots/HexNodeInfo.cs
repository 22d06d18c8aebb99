using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;

namespace Toolkit.Optimizations.Slots;

/// <summary>The baseline's hex-string form of a node info, as three values a node holds inline instead of an info object.</summary>
internal static class HexNodeInfo
{
    /// <summary>The inline fields for an info (nulls and <see cref="FileStamp.Unknown"/> for nothing known).</summary>
    public static (string? Content, FileStamp Stamp, string? Build) From(NodeInfo info) => info.IsNone
        ? (null, FileStamp.Unknown, null)
        : (info.ContentSignature.IsNone ? null : info.ContentSignature.ToHex(), info.Stamp, info.BuildSignature.IsNone ? null : info.BuildSignature.ToHex());

    /// <summary>The info the inline fields hold.</summary>
    public static NodeInfo ToNodeInfo(string? content, FileStamp stamp, string? build) => new(
        content is null ? ContentSignature.None : ContentSignature.ParseHex(content),
        stamp,
        build is null ? ContentSignature.None : ContentSignature.ParseHex(build));
}
