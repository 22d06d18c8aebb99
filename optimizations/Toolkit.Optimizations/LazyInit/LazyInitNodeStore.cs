using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.LazyInit;

/// <summary>
/// The lazy-init variant's store: the baseline store over <see cref="LazyInitNode"/>, whose rare lists
/// and attribute dictionary are made on first use and whose name, suffix and absolute path are
/// computed on demand (<see cref="GetAbsolutePath"/>). Path dictionary, executors with back-references,
/// hex info and kept build info are the baseline's. Saves the never-used members of most nodes; costs
/// a null check on each edge query and a string built per derived-path request.
/// </summary>
public sealed class LazyInitNodeStore : ObjectNodeStore<LazyInitNode, LazyInitExecutor>
{
    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public LazyInitNodeStore(string rootDirectory)
        : base(rootDirectory, indexPaths: true)
    {
    }

    /// <summary>The absolute path of a node, computed (the baseline stores it).</summary>
    public string GetAbsolutePath(int node) => PathForms.Absolute(Root, Node(node).Path);

    /// <inheritdoc />
    public override string GetPath(int node) => Node(node).Path;

    /// <inheritdoc />
    protected override LazyInitNode CreateNode(int id, string path, NodeKind kind, LazyInitNode? directory) =>
        new(id, path, kind, directory);

    /// <inheritdoc />
    protected override LazyInitExecutor CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets) =>
        new(id, builder, environment, targets, Nodes);
}
