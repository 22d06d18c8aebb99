using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// The baseline store: one <see cref="BaselineNode"/> object per node, a dictionary from path to node
/// id, one <see cref="BaselineExecutor"/> per build statement, build info kept after the build (as SCons
/// kept it before release_target_info). It is the engine's own default and the reference every variant
/// is measured against and checked for equivalence with.
/// Saves nothing; costs what the naive design costs (see <see cref="BaselineNode"/>).
/// </summary>
public sealed class BaselineNodeStore : ObjectNodeStore<BaselineNode, StoreExecutor<BaselineNode>>
{
    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public BaselineNodeStore(string rootDirectory)
        : base(rootDirectory, indexPaths: true)
    {
    }

    /// <inheritdoc />
    public override string GetPath(int node) => Node(node).Path;

    /// <inheritdoc />
    protected override BaselineNode CreateNode(int id, string path, NodeKind kind, BaselineNode? directory) =>
        new(id, path, PathForms.Absolute(Root, path), kind, directory);

    /// <inheritdoc />
    protected override StoreExecutor<BaselineNode> CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets) =>
        new BaselineExecutor(id, builder, environment, targets, Nodes);
}
