using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The weak-references variant's store: the baseline store, except that <see cref="ReleaseTargetInfo"/>
/// drops a node's build info as soon as the node is built (SCons's release_target_info; the database
/// never needs it, only explanation does) and executors hold node ids instead of back-references
/// (<see cref="WeakReferencesExecutor"/>). Saves the build info of every built node after the build
/// (its command line and a hex string per dependency signature); costs nothing in time; after a
/// release <see cref="GetBuildInfo"/> answers null.
/// </summary>
public sealed class WeakReferencesNodeStore : INodeStore
{
    private readonly string _root;
    private readonly StoreBookkeeping<WeakReferencesNode, WeakReferencesExecutor> _book = new(indexPaths: true);

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public WeakReferencesNodeStore(string rootDirectory)
    {
        _root = PathForms.Root(rootDirectory);
    }

    /// <inheritdoc />
    public string VariantName => WeakReferencesVariant.VariantName;

    /// <inheritdoc />
    public int Count => _book.NodeCount;

    /// <inheritdoc />
    public int ExecutorCount => _book.ExecutorCount;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<WeakReferencesNode> Nodes => _book.Nodes;

    /// <summary>An executor object.</summary>
    public WeakReferencesExecutor Executor(int executor) => _book.Executor(executor);

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory)
    {
        var node = new WeakReferencesNode(_book.NextNodeId(), path, PathForms.Absolute(_root, path), kind, directory < 0 ? null : _book.Node(directory));
        return _book.AddNode(path, node);
    }

    /// <inheritdoc />
    public void SetKind(int node, NodeKind kind)
    {
        _book.CheckLoading();
        _book.Node(node).Kind = kind;
    }

    /// <inheritdoc />
    public int FindNode(string path) => _book.Find(path);

    /// <inheritdoc />
    public string GetPath(int node) => _book.Node(node).Path;

    /// <inheritdoc />
    public NodeKind GetKind(int node) => _book.Node(node).Kind;

    /// <inheritdoc />
    public int GetDirectory(int node) => _book.Node(node).Directory?.Id ?? -1;

    /// <inheritdoc />
    public void AddEdge(int node, EdgeKind kind, int dependency)
    {
        _book.CheckLoading();
        var owner = _book.Node(node);
        owner.Edges(kind).Add(_book.Node(dependency));
        if (kind == EdgeKind.Sources && owner.Executor is { } executor && executor.Targets[0] == node)
        {
            executor.Sources.Add(dependency);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var executor = new WeakReferencesExecutor(_book.NextExecutorId(), builder, environment);
        foreach (var target in targets)
        {
            executor.Targets.Add(target);
            _book.Node(target).Executor = executor;
        }

        return _book.AddExecutor(executor);
    }

    /// <inheritdoc />
    public void CompleteLoad() => _book.CompleteLoad();

    /// <inheritdoc />
    public int EdgeCount(int node, EdgeKind kind) => _book.Node(node).Edges(kind).Count;

    /// <inheritdoc />
    public int CopyEdges(int node, EdgeKind kind, Span<int> destination) => NodeIds.Copy(_book.Node(node).Edges(kind), destination);

    /// <inheritdoc />
    public void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies) => _book.Fill(_book.Node(node).Implicit, dependencies);

    /// <inheritdoc />
    public int GetExecutor(int node) => _book.Node(node).Executor?.Id ?? -1;

    /// <inheritdoc />
    public BuilderKind GetBuilder(int executor) => _book.Executor(executor).Builder;

    /// <inheritdoc />
    public int GetEnvironment(int executor) => _book.Executor(executor).Environment;

    /// <inheritdoc />
    public int TargetCount(int executor) => _book.Executor(executor).Targets.Count;

    /// <inheritdoc />
    public int CopyTargets(int executor, Span<int> destination)
    {
        var targets = _book.Executor(executor).Targets;
        targets.CopyTo(destination);
        return targets.Count;
    }

    /// <inheritdoc />
    public NodeState GetState(int node) => _book.Node(node).State;

    /// <inheritdoc />
    public void SetState(int node, NodeState state) => _book.Node(node).State = state;

    /// <inheritdoc />
    public NodeInfo GetInfo(int node) => _book.Node(node).Info.ToNodeInfo();

    /// <inheritdoc />
    public void SetInfo(int node, NodeInfo info) => _book.Node(node).Info = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    public NodeInfo GetStoredInfo(int node) => _book.Node(node).StoredInfo.ToNodeInfo();

    /// <inheritdoc />
    public void SetStoredInfo(int node, NodeInfo info) => _book.Node(node).StoredInfo = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo(int node) => _book.Node(node).BuildInfo?.ToBuildInfo();

    /// <inheritdoc />
    public void SetBuildInfo(int node, BuildInfo info) => _book.Node(node).BuildInfo = new BaselineBuildInfo(info);

    /// <inheritdoc />
    public void ReleaseTargetInfo(int node)
    {
        var owner = _book.Node(node);
        owner.BuildInfo = null;

        // The scheduler releases the first target of a statement; its other targets are done with it.
        if (owner.Executor is { } executor && executor.Targets[0] == node)
        {
            foreach (var target in executor.Targets)
            {
                _book.Node(target).BuildInfo = null;
            }
        }
    }
}
