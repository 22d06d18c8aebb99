using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The slots variant's store: the baseline store over <see cref="SlotsNode"/> and <see cref="SlotsExecutor"/>
/// (fixed fields, byte enums, bit flags, exact-size arrays, inline info). Same path dictionary,
/// strings, hex signatures, back-references and kept build info as the baseline, so the difference
/// in bytes per node is the slot layout alone. <see cref="CompleteLoad"/> trims every array that grew
/// while loading (a pass over all nodes); a set of implicit edges is always stored exact-size.
/// </summary>
public sealed class SlotsNodeStore : INodeStore
{
    private readonly string _root;
    private readonly StoreBookkeeping<SlotsNode, SlotsExecutor> _book = new(indexPaths: true);

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public SlotsNodeStore(string rootDirectory)
    {
        _root = PathForms.Root(rootDirectory);
    }

    /// <inheritdoc />
    public string VariantName => SlotsVariant.VariantName;

    /// <inheritdoc />
    public int Count => _book.NodeCount;

    /// <inheritdoc />
    public int ExecutorCount => _book.ExecutorCount;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<SlotsNode> Nodes => _book.Nodes;

    /// <summary>The executor objects.</summary>
    public SlotsExecutor Executor(int executor) => _book.Executor(executor);

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory)
    {
        var node = new SlotsNode(_book.NextNodeId(), path, PathForms.Absolute(_root, path), kind, directory < 0 ? null : _book.Node(directory));
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
        var target = _book.Node(dependency);
        owner.AddEdge(kind, target);
        if (kind == EdgeKind.Sources && owner.Executor is { } executor && executor.Targets[0] == owner)
        {
            executor.AddSource(target);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var nodes = new SlotsNode[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            nodes[i] = _book.Node(targets[i]);
        }

        var executor = new SlotsExecutor(_book.NextExecutorId(), builder, environment, nodes);
        foreach (var node in nodes)
        {
            node.Executor = executor;
        }

        return _book.AddExecutor(executor);
    }

    /// <inheritdoc />
    public void CompleteLoad()
    {
        if (_book.IsLoaded)
        {
            return;
        }

        foreach (var node in _book.Nodes)
        {
            node.Trim();
        }

        for (var i = 0; i < _book.ExecutorCount; i++)
        {
            _book.Executor(i).Trim();
        }

        _book.CompleteLoad();
    }

    /// <inheritdoc />
    public int EdgeCount(int node, EdgeKind kind) => _book.Node(node).Edges(kind).Length;

    /// <inheritdoc />
    public int CopyEdges(int node, EdgeKind kind, Span<int> destination) => NodeIds.Copy(_book.Node(node).Edges(kind), destination);

    /// <inheritdoc />
    public void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies)
    {
        SlotsNode[] nodes = dependencies.IsEmpty ? [] : new SlotsNode[dependencies.Length];
        for (var i = 0; i < dependencies.Length; i++)
        {
            nodes[i] = _book.Node(dependencies[i]);
        }

        _book.Node(node).SetImplicit(nodes);
    }

    /// <inheritdoc />
    public int GetExecutor(int node) => _book.Node(node).Executor?.Id ?? -1;

    /// <inheritdoc />
    public BuilderKind GetBuilder(int executor) => _book.Executor(executor).Builder;

    /// <inheritdoc />
    public int GetEnvironment(int executor) => _book.Executor(executor).Environment;

    /// <inheritdoc />
    public int TargetCount(int executor) => _book.Executor(executor).Targets.Length;

    /// <inheritdoc />
    public int CopyTargets(int executor, Span<int> destination) =>
        NodeIds.Copy<SlotsNode>(_book.Executor(executor).Targets, destination);

    /// <inheritdoc />
    public NodeState GetState(int node) => _book.Node(node).State;

    /// <inheritdoc />
    public void SetState(int node, NodeState state) => _book.Node(node).State = state;

    /// <inheritdoc />
    public NodeInfo GetInfo(int node) => _book.Node(node).Info;

    /// <inheritdoc />
    public void SetInfo(int node, NodeInfo info) => _book.Node(node).Info = info;

    /// <inheritdoc />
    public NodeInfo GetStoredInfo(int node) => _book.Node(node).StoredInfo;

    /// <inheritdoc />
    public void SetStoredInfo(int node, NodeInfo info) => _book.Node(node).StoredInfo = info;

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
