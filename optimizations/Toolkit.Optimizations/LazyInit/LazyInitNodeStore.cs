using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.LazyInit;

/// <summary>
/// The lazy-init variant's store: the baseline store over <see cref="LazyInitNode"/>, whose rare lists
/// and attribute dictionary are made on first use and whose name, suffix and absolute path are
/// computed on demand (<see cref="GetAbsolutePath"/>). Path dictionary, executors with back-references,
/// hex info and kept build info are the baseline's. Saves the never-used members of most nodes; costs
/// a null check on each edge query and a string built per derived-path request.
/// </summary>
public sealed class LazyInitNodeStore : INodeStore
{
    private readonly string _root;
    private readonly StoreBookkeeping<LazyInitNode, ListExecutor<LazyInitNode>> _book = new(indexPaths: true);

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public LazyInitNodeStore(string rootDirectory)
    {
        _root = PathForms.Root(rootDirectory);
    }

    /// <inheritdoc />
    public string VariantName => LazyInitVariant.VariantName;

    /// <inheritdoc />
    public int Count => _book.NodeCount;

    /// <inheritdoc />
    public int ExecutorCount => _book.ExecutorCount;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<LazyInitNode> Nodes => _book.Nodes;

    /// <summary>The absolute path of a node, computed (the baseline stores it).</summary>
    public string GetAbsolutePath(int node) => PathForms.Absolute(_root, _book.Node(node).Path);

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory) =>
        _book.AddNode(path, new LazyInitNode(_book.NextNodeId(), path, kind, directory < 0 ? null : _book.Node(directory)));

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
        var target = _book.Node(dependency);
        owner.AddEdge(kind, target);
        if (kind == EdgeKind.Sources)
        {
            owner.Executor?.NoteSource(owner, target);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var executor = new ListExecutor<LazyInitNode>(_book.NextExecutorId(), builder, environment);
        foreach (var target in targets)
        {
            executor.Targets.Add(_book.Node(target));
            _book.Node(target).Executor = executor;
        }

        return _book.AddExecutor(executor);
    }

    /// <inheritdoc />
    public void CompleteLoad() => _book.CompleteLoad();

    /// <inheritdoc />
    public int EdgeCount(int node, EdgeKind kind) => _book.Node(node).Edges(kind)?.Count ?? 0;

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
    public int CopyTargets(int executor, Span<int> destination) => NodeIds.Copy(_book.Executor(executor).Targets, destination);

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
        // Kept, as the baseline keeps it: releasing is the weak-references variant's dimension.
    }
}
