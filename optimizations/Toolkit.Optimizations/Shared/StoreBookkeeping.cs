namespace Toolkit.Optimizations.Shared;

/// <summary>
/// The bookkeeping every object-per-node variant store shares with the baseline: the node list
/// (index = id), the executor list, the path-to-id dictionary (optional: a store that does not keep
/// full path strings indexes paths itself) and the rule that nothing is added after loading.
/// Costs what the baseline's own list and dictionary cost: one reference per node and executor,
/// one 24-byte dictionary entry per path (string key, int value where the baseline keeps a node
/// reference: the entry has the same size).
/// </summary>
internal sealed class StoreBookkeeping<TNode, TExecutor>
    where TNode : class
    where TExecutor : class
{
    private readonly List<TNode> _nodes = [];
    private readonly List<TExecutor> _executors = [];
    private readonly Dictionary<string, int>? _byPath;
    private bool _loaded;

    /// <summary>Creates the bookkeeping; <paramref name="indexPaths"/> false leaves path lookup to the store.</summary>
    public StoreBookkeeping(bool indexPaths)
    {
        _byPath = indexPaths ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>Number of executors.</summary>
    public int ExecutorCount => _executors.Count;

    /// <summary>True once <see cref="CompleteLoad"/> ran.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The nodes in id order.</summary>
    public IReadOnlyList<TNode> Nodes => _nodes;

    /// <summary>The node with an id.</summary>
    public TNode Node(int id) => _nodes[id];

    /// <summary>The executor with an id.</summary>
    public TExecutor Executor(int id) => _executors[id];

    /// <summary>The id the next node will get; throws when loading is over.</summary>
    public int NextNodeId()
    {
        CheckLoading();
        return _nodes.Count;
    }

    /// <summary>The id the next executor will get; throws when loading is over.</summary>
    public int NextExecutorId()
    {
        CheckLoading();
        return _executors.Count;
    }

    /// <summary>Adds a node made with <see cref="NextNodeId"/> under its path; returns its id.</summary>
    public int AddNode(string path, TNode node)
    {
        CheckLoading();
        var id = _nodes.Count;
        _byPath?.Add(path, id);
        _nodes.Add(node);
        return id;
    }

    /// <summary>Adds an executor made with <see cref="NextExecutorId"/>; returns its id.</summary>
    public int AddExecutor(TExecutor executor)
    {
        CheckLoading();
        _executors.Add(executor);
        return _executors.Count - 1;
    }

    /// <summary>The id of the node with this path, or -1 (only when paths are indexed here).</summary>
    public int Find(string path)
    {
        if (_byPath is null)
        {
            throw new InvalidOperationException("this store indexes its paths itself");
        }

        return _byPath.TryGetValue(path, out var id) ? id : -1;
    }

    /// <summary>Replaces a list's contents with the nodes of some ids (implicit edges, set once per build).</summary>
    public void Fill(List<TNode> list, ReadOnlySpan<int> ids)
    {
        list.Clear();
        foreach (var id in ids)
        {
            list.Add(_nodes[id]);
        }
    }

    /// <summary>Ends loading.</summary>
    public void CompleteLoad() => _loaded = true;

    /// <summary>Throws when loading is over.</summary>
    public void CheckLoading()
    {
        if (_loaded)
        {
            throw new InvalidOperationException("the graph is loaded: nodes and edges can no longer be added");
        }
    }
}
