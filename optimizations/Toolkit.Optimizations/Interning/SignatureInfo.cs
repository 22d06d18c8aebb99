using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Interning;

/// <summary>
/// The baseline's node-info object with its signatures as 16-byte values instead of 32-character hex
/// strings: one object of 64 bytes where the baseline's holds two extra 88-byte strings.
/// </summary>
public sealed class SignatureInfo
{
    /// <summary>Nothing known (shared).</summary>
    public static SignatureInfo Empty { get; } = new(NodeInfo.None);

    private SignatureInfo(NodeInfo value)
    {
        Value = value;
    }

    /// <summary>The info.</summary>
    public NodeInfo Value { get; }

    /// <summary>The object for an info (the shared <see cref="Empty"/> when nothing is known).</summary>
    public static SignatureInfo From(NodeInfo info) => info.IsNone ? Empty : new(info);
}
