using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The weak-references variant's store: the baseline's nodes unchanged (<see cref="BaselineNode"/>), except
/// that <see cref="ReleaseTargetInfo"/> drops a node's build info as soon as the node is built (SCons's
/// release_target_info; the database never needs it, only explanation does) and executors hold node ids
/// instead of back-references (<see cref="WeakReferencesExecutor"/>). Saves the build info of every built
/// node after the build (its command line and a hex string per dependency signature); costs nothing in
/// time; after a release <c>GetBuildInfo</c> answers null.
/// </summary>
public sealed class WeakReferencesNodeStore : ObjectNodeStore<BaselineNode, StoreExecutor<BaselineNode>>
{
    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public WeakReferencesNodeStore(string rootDirectory)
        : base(rootDirectory, indexPaths: true)
    {
    }

    /// <inheritdoc />
    public override string GetPath(int node) => Node(node).Path;

    /// <inheritdoc />
    // excerpt: weak-references
    public override void ReleaseTargetInfo(int node)
    {
        var owner = Node(node);
        owner.BuildInfo = null;

        // The scheduler releases the first target of a statement; its other targets are done with it.
        if (owner.Executor is WeakReferencesExecutor executor && executor.Targets[0] == node)
        {
            foreach (var target in executor.Targets)
            {
                Node(target).BuildInfo = null;
            }
        }
    }
    // end excerpt

    /// <inheritdoc />
    protected override BaselineNode CreateNode(int id, string path, NodeKind kind, BaselineNode? directory) =>
        new(id, path, PathForms.Absolute(Root, path), kind, directory);

    /// <inheritdoc />
    protected override StoreExecutor<BaselineNode> CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets) =>
        new WeakReferencesExecutor(id, builder, environment, targets);
}
