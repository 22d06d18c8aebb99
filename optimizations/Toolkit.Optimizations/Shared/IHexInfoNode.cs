using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// A node that keeps its infos as the baseline does: two info objects with hex-string signatures and the
/// build info with hex strings (SCons's ninfo and binfo). Supplies the conversions to and from the
/// engine's values once for every such node class; adds no field (the three properties are the node's own).
/// </summary>
/// <typeparam name="TNode">The node class itself.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public interface IHexInfoNode<TNode, TExecutor> : IObjectNode<TNode, TExecutor>
    where TNode : class, IObjectNode<TNode, TExecutor>
    where TExecutor : StoreExecutor<TNode>
{
    /// <summary>What is known now, as hex strings (the baseline's info object).</summary>
    BaselineNodeInfo Info { get; set; }

    /// <summary>What the signature database said, as hex strings.</summary>
    BaselineNodeInfo StoredInfo { get; set; }

    /// <summary>Build info of this run with hex strings, or null.</summary>
    BaselineBuildInfo? BuildInfo { get; set; }

    /// <inheritdoc />
    NodeInfo IObjectNode<TNode, TExecutor>.GetInfo() => Info.ToNodeInfo();

    /// <inheritdoc />
    void IObjectNode<TNode, TExecutor>.SetInfo(NodeInfo info) => Info = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    NodeInfo IObjectNode<TNode, TExecutor>.GetStoredInfo() => StoredInfo.ToNodeInfo();

    /// <inheritdoc />
    void IObjectNode<TNode, TExecutor>.SetStoredInfo(NodeInfo info) => StoredInfo = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    BuildInfo? IObjectNode<TNode, TExecutor>.GetBuildInfo() => BuildInfo?.ToBuildInfo();

    /// <inheritdoc />
    void IObjectNode<TNode, TExecutor>.SetBuildInfo(BuildInfo info) => BuildInfo = new BaselineBuildInfo(info);
}
