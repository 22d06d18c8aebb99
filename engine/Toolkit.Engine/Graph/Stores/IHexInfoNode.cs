using Toolkit.Engine.Graph.Baseline;

namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// A node that keeps its infos as the baseline does: two info objects with hex-string signatures and the
/// build info with hex strings (SCons's ninfo and binfo). Supplies the conversions to and from the
/// engine's values once for every such node class; adds no field (the three properties are the node's own).
/// </summary>
public interface IHexInfoNode : IInfoNode
{
    /// <summary>What is known now, as hex strings (the baseline's info object).</summary>
    BaselineNodeInfo Info { get; set; }

    /// <summary>What the signature database said, as hex strings.</summary>
    BaselineNodeInfo StoredInfo { get; set; }

    /// <summary>Build info of this run with hex strings, or null.</summary>
    BaselineBuildInfo? BuildInfo { get; set; }

    /// <inheritdoc />
    NodeInfo IInfoNode.GetInfo() => Info.ToNodeInfo();

    /// <inheritdoc />
    void IInfoNode.SetInfo(NodeInfo info) => Info = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    NodeInfo IInfoNode.GetStoredInfo() => StoredInfo.ToNodeInfo();

    /// <inheritdoc />
    void IInfoNode.SetStoredInfo(NodeInfo info) => StoredInfo = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    BuildInfo? IInfoNode.GetBuildInfo() => BuildInfo?.ToBuildInfo();

    /// <inheritdoc />
    void IInfoNode.SetBuildInfo(BuildInfo info) => BuildInfo = new BaselineBuildInfo(info);
}
