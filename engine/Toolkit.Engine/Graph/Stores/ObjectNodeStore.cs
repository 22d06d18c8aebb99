namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// The store logic every object-per-node variant shares with the baseline: one node object per id in a
/// list, one executor object per build statement, a path-to-id dictionary (optional: a store that does
/// not keep full path strings indexes paths itself and overrides <see cref="FindNode(string)"/>), the rule that
/// nothing is added after loading, and each query answered by the node or executor object. A sealed
/// subclass per variant makes its nodes and executors and overrides only what its strategy changes.
/// Costs what the baseline's own list and dictionary cost: one reference per node and executor, one
/// 24-byte dictionary entry per path (string key, int value where the baseline keeps a node reference:
/// the entry has the same size), and no field in the node or executor objects.
/// The per-node queries reach the node through a virtual call on <see cref="ObjectNode{TNode, TExecutor}"/>
/// (this class's code is shared by every node type); with tiered PGO the JIT devirtualizes it for the one
/// node type a process uses, and the baseline's edge and state queries cost what they cost when it had a
/// store of its own (measured by the A/B walk in the seam's report).
/// </summary>
/// <typeparam name="TNode">The variant's node class.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public abstract class ObjectNodeStore<TNode, TExecutor> : NodeStore
    where TNode : ObjectNode<TNode, TExecutor>, IInfoNode
    where TExecutor : StoreExecutor<TNode>
{
    private readonly List<TNode> _nodes = [];
    private readonly List<TExecutor> _executors = [];
    private readonly Dictionary<string, int>? _byPath;

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>; <paramref name="indexPaths"/> false leaves path lookup to the subclass.</summary>
    protected ObjectNodeStore(string rootDirectory, bool indexPaths)
    {
        Root = PathForms.Root(rootDirectory);
        _byPath = indexPaths ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    /// <inheritdoc />
    public sealed override int Count => _nodes.Count;

    /// <inheritdoc />
    public sealed override int ExecutorCount => _executors.Count;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<TNode> Nodes => _nodes;

    /// <summary>The project root as the baseline keeps it (no trailing '/').</summary>
    protected string Root { get; }

    /// <summary>An executor object.</summary>
    public TExecutor Executor(int executor) => _executors[executor];

    /// <inheritdoc />
    public sealed override int AddNode(string path, NodeKind kind, int directory)
    {
        CheckLoading();
        var id = _nodes.Count;
        var node = CreateNode(id, path, kind, directory < 0 ? null : _nodes[directory]);
        _byPath?.Add(path, id);
        _nodes.Add(node);
        return id;
    }

    /// <inheritdoc />
    public sealed override void SetKind(int node, NodeKind kind)
    {
        CheckLoading();
        _nodes[node].Kind = kind;
    }

    /// <inheritdoc />
    public override int FindNode(string path)
    {
        if (_byPath is null)
        {
            throw new InvalidOperationException($"{GetType().Name}: this store indexes its paths itself and must override FindNode");
        }

        return _byPath.TryGetValue(path, out var id) ? id : -1;
    }

    /// <inheritdoc />
    /// <remarks>Looks the span up in the path dictionary without making a string (a store that indexes its paths itself gets the default).</remarks>
    public override int FindNode(ReadOnlySpan<char> path) =>
        _byPath is null ? base.FindNode(path) : _byPath.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(path, out var id) ? id : -1;

    /// <inheritdoc />
    public abstract override string GetPath(int node);

    /// <inheritdoc />
    public sealed override NodeKind GetKind(int node) => _nodes[node].Kind;

    /// <inheritdoc />
    public sealed override int GetDirectory(int node) => _nodes[node].Directory?.Id ?? -1;

    /// <inheritdoc />
    public sealed override void AddEdge(int node, EdgeKind kind, int dependency)
    {
        CheckLoading();
        var owner = _nodes[node];
        var target = _nodes[dependency];
        owner.AddEdge(kind, target);
        if (kind == EdgeKind.Sources)
        {
            owner.Executor?.NoteSource(owner, target);
        }
    }

    /// <inheritdoc />
    public sealed override int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        CheckLoading();
        var executor = CreateExecutor(_executors.Count, builder, environment, targets);
        foreach (var target in targets)
        {
            _nodes[target].Executor = executor;
        }

        _executors.Add(executor);
        return executor.Id;
    }

    /// <inheritdoc />
    public sealed override int EdgeCount(int node, EdgeKind kind) => _nodes[node].EdgeCount(kind);

    /// <inheritdoc />
    public sealed override int CopyEdges(int node, EdgeKind kind, Span<int> destination) => _nodes[node].CopyEdges(kind, destination);

    /// <inheritdoc />
    public sealed override void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies) => _nodes[node].SetImplicitEdges(dependencies, _nodes);

    /// <inheritdoc />
    public sealed override int GetExecutor(int node) => _nodes[node].Executor?.Id ?? -1;

    /// <inheritdoc />
    public sealed override BuilderKind GetBuilder(int executor) => _executors[executor].Builder;

    /// <inheritdoc />
    public sealed override int GetEnvironment(int executor) => _executors[executor].Environment;

    /// <inheritdoc />
    public sealed override int TargetCount(int executor) => _executors[executor].TargetCount;

    /// <inheritdoc />
    public sealed override int CopyTargets(int executor, Span<int> destination) => _executors[executor].CopyTargets(destination);

    /// <inheritdoc />
    public sealed override NodeState GetState(int node) => _nodes[node].State;

    /// <inheritdoc />
    public sealed override void SetState(int node, NodeState state) => _nodes[node].State = state;

    /// <inheritdoc />
    public sealed override NodeInfo GetInfo(int node) => _nodes[node].GetInfo();

    /// <inheritdoc />
    public sealed override void SetInfo(int node, NodeInfo info) => _nodes[node].SetInfo(info);

    /// <inheritdoc />
    public sealed override NodeInfo GetStoredInfo(int node) => _nodes[node].GetStoredInfo();

    /// <inheritdoc />
    public sealed override void SetStoredInfo(int node, NodeInfo info) => _nodes[node].SetStoredInfo(info);

    /// <inheritdoc />
    public sealed override BuildInfo? GetBuildInfo(int node) => _nodes[node].GetBuildInfo();

    /// <inheritdoc />
    public sealed override void SetBuildInfo(int node, BuildInfo info) => _nodes[node].SetBuildInfo(info);

    /// <summary>Makes the node object for a new id (called once per <see cref="AddNode(string, NodeKind, int)"/>, while loading).</summary>
    protected abstract TNode CreateNode(int id, string path, NodeKind kind, TNode? directory);

    /// <summary>Makes the executor object for a new id, with its targets (the store then points each target at it).</summary>
    protected abstract TExecutor CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets);

    /// <summary>The node object with an id.</summary>
    protected TNode Node(int id) => _nodes[id];
}
