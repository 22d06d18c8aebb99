using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// The store logic every object-per-node variant shares with the baseline: one node object per id in a
/// list, one executor object per build statement, a path-to-id dictionary (optional: a store that does
/// not keep full path strings indexes paths itself and overrides <see cref="FindNode"/>), the rule that
/// nothing is added after loading, and each query answered by the node or executor object. A sealed
/// subclass per variant makes its nodes and executors and overrides only what its strategy changes.
/// Costs what the baseline's own list and dictionary cost: one reference per node and executor, one
/// 24-byte dictionary entry per path (string key, int value where the baseline keeps a node reference:
/// the entry has the same size), and no field in the node or executor objects.
/// </summary>
/// <typeparam name="TNode">The variant's node class.</typeparam>
/// <typeparam name="TExecutor">The variant's executor class.</typeparam>
public abstract class ObjectNodeStore<TNode, TExecutor> : INodeStore
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
    public abstract string VariantName { get; }

    /// <inheritdoc />
    public int Count => _nodes.Count;

    /// <inheritdoc />
    public int ExecutorCount => _executors.Count;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<TNode> Nodes => _nodes;

    /// <summary>True once <see cref="CompleteLoad"/> ran.</summary>
    protected bool IsLoaded { get; private set; }

    /// <summary>The project root as the baseline keeps it (no trailing '/').</summary>
    protected string Root { get; }

    /// <summary>An executor object.</summary>
    public TExecutor Executor(int executor) => _executors[executor];

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory)
    {
        CheckLoading();
        var id = _nodes.Count;
        var node = CreateNode(id, path, kind, directory < 0 ? null : _nodes[directory]);
        _byPath?.Add(path, id);
        _nodes.Add(node);
        return id;
    }

    /// <inheritdoc />
    public void SetKind(int node, NodeKind kind)
    {
        CheckLoading();
        _nodes[node].Kind = kind;
    }

    /// <inheritdoc />
    public virtual int FindNode(string path)
    {
        if (_byPath is null)
        {
            throw new InvalidOperationException($"{VariantName}: this store indexes its paths itself and must override FindNode");
        }

        return _byPath.TryGetValue(path, out var id) ? id : -1;
    }

    /// <inheritdoc />
    public abstract string GetPath(int node);

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
        owner.AddEdge(kind, target);
        if (kind == EdgeKind.Sources)
        {
            owner.Executor?.NoteSource(owner, target);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
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
    public virtual void CompleteLoad() => IsLoaded = true;

    /// <inheritdoc />
    public int EdgeCount(int node, EdgeKind kind) => _nodes[node].EdgeCount(kind);

    /// <inheritdoc />
    public int CopyEdges(int node, EdgeKind kind, Span<int> destination) => _nodes[node].CopyEdges(kind, destination);

    /// <inheritdoc />
    public void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies) => _nodes[node].SetImplicitEdges(dependencies, _nodes);

    /// <inheritdoc />
    public int GetExecutor(int node) => _nodes[node].Executor?.Id ?? -1;

    /// <inheritdoc />
    public BuilderKind GetBuilder(int executor) => _executors[executor].Builder;

    /// <inheritdoc />
    public int GetEnvironment(int executor) => _executors[executor].Environment;

    /// <inheritdoc />
    public int TargetCount(int executor) => _executors[executor].TargetCount;

    /// <inheritdoc />
    public int CopyTargets(int executor, Span<int> destination) => _executors[executor].CopyTargets(destination);

    /// <inheritdoc />
    public NodeState GetState(int node) => _nodes[node].State;

    /// <inheritdoc />
    public void SetState(int node, NodeState state) => _nodes[node].State = state;

    /// <inheritdoc />
    public NodeInfo GetInfo(int node) => _nodes[node].GetInfo();

    /// <inheritdoc />
    public void SetInfo(int node, NodeInfo info) => _nodes[node].SetInfo(info);

    /// <inheritdoc />
    public NodeInfo GetStoredInfo(int node) => _nodes[node].GetStoredInfo();

    /// <inheritdoc />
    public void SetStoredInfo(int node, NodeInfo info) => _nodes[node].SetStoredInfo(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo(int node) => _nodes[node].GetBuildInfo();

    /// <inheritdoc />
    public void SetBuildInfo(int node, BuildInfo info) => _nodes[node].SetBuildInfo(info);

    /// <inheritdoc />
    public virtual void ReleaseTargetInfo(int node)
    {
        // Kept, as the baseline keeps it: releasing is the weak-references variant's dimension.
    }

    /// <summary>Makes the node object for a new id (called once per <see cref="AddNode"/>, while loading).</summary>
    protected abstract TNode CreateNode(int id, string path, NodeKind kind, TNode? directory);

    /// <summary>Makes the executor object for a new id, with its targets (the store then points each target at it).</summary>
    protected abstract TExecutor CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets);

    /// <summary>The node object with an id.</summary>
    protected TNode Node(int id) => _nodes[id];

    /// <summary>Throws when loading is over.</summary>
    protected void CheckLoading()
    {
        if (IsLoaded)
        {
            throw new InvalidOperationException("the graph is loaded: nodes and edges can no longer be added");
        }
    }
}
