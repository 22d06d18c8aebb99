using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// A node store with no object per node: parallel arrays indexed by node id (a kind byte, a state
/// byte, a directory int, an executor int), names as UTF-8 in an arena of 64 KiB chunks and paths rebuilt on demand
/// (<see cref="PathIndex"/>), path lookup through an open-addressing int hash table over
/// (directory id, name), edges in CSR int arrays (<see cref="EdgeStore"/>), executors as arrays
/// (<see cref="ExecutorTable"/>), and ONE <see cref="NodeInfo"/> slot per node that the build's info
/// replaces the database's in (<see cref="NodeInfoTable"/>; as SCons's ninfo). Build info is held
/// only until the node is released.
/// Saves: at 100k sources of the c-libraries shape, around 110 bytes per node in total against the
/// baseline's ~1 KB, and leaves the GC almost nothing to trace (a few dozen arrays instead of ~15
/// objects per node). Costs: <see cref="GetPath"/> allocates the path string each call, and
/// <see cref="FindNode(string)"/> probes once per path segment.
/// Thread-safety: loading is single-threaded; after <see cref="NodeStore.CompleteLoad"/> every read, and
/// SetState/SetInfo/SetBuildInfo/ReleaseTargetInfo/SetImplicitEdges on different nodes, may run
/// concurrently.
/// </summary>
public sealed class StructOfArraysNodeStore : NodeStore
{
    // excerpt: struct-of-arrays
    private readonly PathIndex _paths = new();
    private readonly EdgeStore _edges = new();
    private readonly ExecutorTable _executors = new();
    private readonly NodeInfoTable _info = new();
    private byte[] _kinds = [];
    private byte[] _states = [];
    private int[] _nodeExecutors = [];
    // end excerpt

    /// <summary>Creates an empty store. The root directory is not kept: paths are project-relative.</summary>
    public StructOfArraysNodeStore(string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
    }

    /// <inheritdoc />
    public override int Count => _paths.Count;

    /// <inheritdoc />
    public override int ExecutorCount => _executors.Count;

    /// <summary>Build infos currently held (for tests: released ones are gone).</summary>
    public int HeldBuildInfoCount => _info.BuildInfoCount;

    /// <inheritdoc />
    public override int AddNode(string path, NodeKind kind, int directory)
    {
        ArgumentNullException.ThrowIfNull(path);
        return AddNode(path.AsSpan(), kind, directory);
    }

    /// <inheritdoc />
    /// <remarks>Keeps the name's UTF-8 bytes only: no string is made.</remarks>
    public override int AddNode(ReadOnlySpan<char> path, NodeKind kind, int directory)
    {
        CheckLoading();
        var id = _paths.Add(path, directory);
        ArrayGrowth.EnsureCapacity(ref _kinds, id + 1);
        ArrayGrowth.EnsureCapacity(ref _states, id + 1);
        ArrayGrowth.EnsureCapacity(ref _nodeExecutors, id + 1);
        _kinds[id] = (byte)kind;
        _states[id] = (byte)NodeState.None;
        _nodeExecutors[id] = -1;
        return id;
    }

    /// <inheritdoc />
    public override void SetKind(int node, NodeKind kind)
    {
        CheckLoading();
        _kinds[CheckNode(node)] = (byte)kind;
    }

    /// <inheritdoc />
    public override int FindNode(string path) => _paths.Find(path);

    /// <inheritdoc />
    public override int FindNode(ReadOnlySpan<char> path) => _paths.Find(path);

    /// <inheritdoc />
    public override string GetPath(int node) => _paths.GetPath(node);

    /// <inheritdoc />
    public override int CopyPathUtf8(int node, Span<byte> destination) => _paths.CopyPathUtf8(node, destination);

    /// <inheritdoc />
    public override NodeKind GetKind(int node) => (NodeKind)_kinds[CheckNode(node)];

    /// <inheritdoc />
    public override int GetDirectory(int node) => _paths.GetDirectory(node);

    /// <inheritdoc />
    public override void AddEdge(int node, EdgeKind kind, int dependency)
    {
        CheckLoading();
        CheckNode(node);
        CheckNode(dependency);
        _edges.Add(node, kind, dependency);
    }

    /// <inheritdoc />
    public override int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        CheckLoading();
        foreach (var target in targets)
        {
            CheckNode(target);
        }

        var id = _executors.Add(builder, environment, targets);
        foreach (var target in targets)
        {
            _nodeExecutors[target] = id;
        }

        return id;
    }

    /// <inheritdoc />
    protected override void OnCompleteLoad()
    {
        var count = Count;
        _edges.Complete(count);
        _paths.Trim();
        _executors.Trim();
        _info.Complete(count);
        ArrayGrowth.Trim(ref _kinds, count);
        ArrayGrowth.Trim(ref _states, count);
        ArrayGrowth.Trim(ref _nodeExecutors, count);
    }

    /// <inheritdoc />
    public override int EdgeCount(int node, EdgeKind kind) => _edges.Get(CheckNode(node), kind, Count).Length;

    /// <inheritdoc />
    public override int CopyEdges(int node, EdgeKind kind, Span<int> destination)
    {
        var edges = _edges.Get(CheckNode(node), kind, Count);
        edges.CopyTo(destination);
        return edges.Length;
    }

    /// <inheritdoc />
    public override void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies)
    {
        CheckNode(node);
        foreach (var dependency in dependencies)
        {
            CheckNode(dependency);
        }

        _edges.SetImplicit(node, dependencies);
    }

    /// <inheritdoc />
    public override int GetExecutor(int node) => _nodeExecutors[CheckNode(node)];

    /// <inheritdoc />
    public override BuilderKind GetBuilder(int executor) => _executors.GetBuilder(executor);

    /// <inheritdoc />
    public override int GetEnvironment(int executor) => _executors.GetEnvironment(executor);

    /// <inheritdoc />
    public override int TargetCount(int executor) => _executors.GetTargets(executor).Length;

    /// <inheritdoc />
    public override int CopyTargets(int executor, Span<int> destination)
    {
        var targets = _executors.GetTargets(executor);
        targets.CopyTo(destination);
        return targets.Length;
    }

    /// <inheritdoc />
    public override NodeState GetState(int node) => (NodeState)_states[CheckNode(node)];

    /// <inheritdoc />
    public override void SetState(int node, NodeState state) => _states[CheckNode(node)] = (byte)state;

    /// <inheritdoc />
    public override NodeInfo GetInfo(int node) => _info.GetInfo(CheckNode(node));

    /// <inheritdoc />
    public override void SetInfo(int node, NodeInfo info) => _info.SetInfo(CheckNode(node), info);

    /// <inheritdoc />
    public override NodeInfo GetStoredInfo(int node) => _info.GetStoredInfo(CheckNode(node));

    /// <inheritdoc />
    public override void SetStoredInfo(int node, NodeInfo info) => _info.SetStoredInfo(CheckNode(node), info);

    /// <inheritdoc />
    public override BuildInfo? GetBuildInfo(int node) => _info.GetBuildInfo(CheckNode(node));

    /// <inheritdoc />
    public override void SetBuildInfo(int node, BuildInfo info) => _info.SetBuildInfo(CheckNode(node), info);

    /// <inheritdoc />
    public override void ReleaseTargetInfo(int node) => _info.Release(CheckNode(node));

    private int CheckNode(int node)
    {
        if ((uint)node >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"no node {node} (the store has {Count})");
        }

        return node;
    }
}
