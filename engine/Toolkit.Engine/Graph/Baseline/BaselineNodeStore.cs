namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// The baseline store: one <see cref="BaselineNode"/> object per node, a dictionary from path to
/// node, one <see cref="BaselineExecutor"/> per build statement. It is the engine's own default and
/// the reference every variant is measured against and checked for equivalence with.
/// Saves nothing; costs what the naive design costs (see <see cref="BaselineNode"/>).
/// </summary>
public sealed class BaselineNodeStore : INodeStore
{
    private readonly string _root;
    private readonly List<BaselineNode> _nodes = [];
    private readonly List<BaselineExecutor> _executors = [];
    private readonly Dictionary<string, BaselineNode> _byPath = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public BaselineNodeStore(string rootDirectory)
    {
        _root = rootDirectory.TrimEnd('/');
    }

    /// <inheritdoc />
    public string VariantName => "baseline";

    /// <inheritdoc />
    public int Count => _nodes.Count;

    /// <inheritdoc />
    public int ExecutorCount => _executors.Count;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<BaselineNode> Nodes => _nodes;

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory)
    {
        CheckLoading();
        var absolute = path == "." ? _root : _root + "/" + path;
        var node = new BaselineNode(_nodes.Count, path, absolute, kind, directory < 0 ? null : _nodes[directory]);
        _nodes.Add(node);
        _byPath.Add(path, node);
        return node.Id;
    }

    /// <inheritdoc />
    public void SetKind(int node, NodeKind kind)
    {
        CheckLoading();
        _nodes[node].Kind = kind;
    }

    /// <inheritdoc />
    public int FindNode(string path) => _byPath.TryGetValue(path, out var node) ? node.Id : -1;

    /// <inheritdoc />
    public string GetPath(int node) => _nodes[node].Path;

    /// <inheritdoc />
    public NodeKind GetKind(int node) => _nodes[node].Kind;

    /// <inheritdoc />
    public int GetDirectory(int node) => _nodes[node].Directory?.Id ?? -1;

    /// <inheritdoc />
    public void AddEdge(int node, EdgeKind kind, int dependency)
    {
        CheckLoading();
        var owner = _nodes[node];
        var target = _nodes[dependency];
        owner.Edges(kind).Add(target);
        if (kind == EdgeKind.Sources && owner.Executor is { } executor && executor.Targets[0] == owner)
        {
            executor.Sources.Add(target);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        CheckLoading();
        var executor = new BaselineExecutor(_executors.Count, builder, environment);
        foreach (var target in targets)
        {
            executor.Targets.Add(_nodes[target]);
            _nodes[target].Executor = executor;
        }

        _executors.Add(executor);
        return executor.Id;
    }

    /// <inheritdoc />
    public void CompleteLoad() => _loaded = true;

    /// <inheritdoc />
    public int EdgeCount(int node, EdgeKind kind) => _nodes[node].Edges(kind).Count;

    /// <inheritdoc />
    public int CopyEdges(int node, EdgeKind kind, Span<int> destination)
    {
        var list = _nodes[node].Edges(kind);
        for (var i = 0; i < list.Count; i++)
        {
            destination[i] = list[i].Id;
        }

        return list.Count;
    }

    /// <inheritdoc />
    public void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies)
    {
        var list = _nodes[node].Implicit;
        list.Clear();
        foreach (var dependency in dependencies)
        {
            list.Add(_nodes[dependency]);
        }
    }

    /// <inheritdoc />
    public int GetExecutor(int node) => _nodes[node].Executor?.Id ?? -1;

    /// <inheritdoc />
    public BuilderKind GetBuilder(int executor) => _executors[executor].Builder;

    /// <inheritdoc />
    public int GetEnvironment(int executor) => _executors[executor].Environment;

    /// <inheritdoc />
    public int TargetCount(int executor) => _executors[executor].Targets.Count;

    /// <inheritdoc />
    public int CopyTargets(int executor, Span<int> destination)
    {
        var targets = _executors[executor].Targets;
        for (var i = 0; i < targets.Count; i++)
        {
            destination[i] = targets[i].Id;
        }

        return targets.Count;
    }

    /// <inheritdoc />
    public NodeState GetState(int node) => _nodes[node].State;

    /// <inheritdoc />
    public void SetState(int node, NodeState state) => _nodes[node].State = state;

    /// <inheritdoc />
    public NodeInfo GetInfo(int node) => _nodes[node].Info.ToNodeInfo();

    /// <inheritdoc />
    public void SetInfo(int node, NodeInfo info) => _nodes[node].Info = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    public NodeInfo GetStoredInfo(int node) => _nodes[node].StoredInfo.ToNodeInfo();

    /// <inheritdoc />
    public void SetStoredInfo(int node, NodeInfo info) => _nodes[node].StoredInfo = BaselineNodeInfo.From(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo(int node) => _nodes[node].BuildInfo?.ToBuildInfo();

    /// <inheritdoc />
    public void SetBuildInfo(int node, BuildInfo info) => _nodes[node].BuildInfo = new BaselineBuildInfo(info);

    /// <inheritdoc />
    public void ReleaseTargetInfo(int node)
    {
        // The baseline keeps build info after the build, as SCons did before release_target_info.
    }

    private void CheckLoading()
    {
        if (_loaded)
        {
            throw new InvalidOperationException("the graph is loaded: nodes and edges can no longer be added");
        }
    }
}
