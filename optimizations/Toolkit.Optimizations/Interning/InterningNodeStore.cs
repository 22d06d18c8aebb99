using Toolkit.Engine.Graph;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.Interning;

/// <summary>
/// The interning variant's store: nodes hold their directory and an interned name instead of full path
/// strings (a flyweight over path segments), so a name repeated in many directories is one string;
/// paths are found segment by segment through an index of (directory id, interned name) and rebuilt
/// on <see cref="GetPath"/>; infos and build info keep 16-byte signatures instead of hex strings.
/// Lists, dictionary, executors and kept build info are the baseline's.
/// Saves the path, name, suffix and absolute-path strings per node (the baseline's path dictionary
/// key is one of them) and the hex strings per info; costs a new string per <see cref="GetPath"/>
/// and one lookup per path segment in <see cref="FindNode"/>.
/// </summary>
public sealed class InterningNodeStore : INodeStore
{
    private readonly string _root;
    private readonly StoreBookkeeping<InterningNode, ListExecutor<InterningNode>> _book = new(indexPaths: false);
    private readonly InternTable _names = new();
    private readonly Dictionary<ChildKey, int> _children = [];
    private readonly Dictionary<string, int> _detached = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _detachedBySpan;
    private int _rootNode = -1;

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public InterningNodeStore(string rootDirectory)
    {
        _root = PathForms.Root(rootDirectory);
        _detachedBySpan = _detached.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <inheritdoc />
    public string VariantName => InterningVariant.VariantName;

    /// <inheritdoc />
    public int Count => _book.NodeCount;

    /// <inheritdoc />
    public int ExecutorCount => _book.ExecutorCount;

    /// <summary>The node objects, for tools that want to walk them (introspection, tests).</summary>
    public IReadOnlyList<InterningNode> Nodes => _book.Nodes;

    /// <summary>Number of distinct interned names and suffixes.</summary>
    public int InternedCount => _names.Count;

    /// <summary>The absolute path of a node, computed (the baseline stores it).</summary>
    public string GetAbsolutePath(int node) => PathForms.Absolute(_root, GetPath(node));

    /// <inheritdoc />
    public int AddNode(string path, NodeKind kind, int directory)
    {
        var id = _book.NextNodeId();
        var slash = path.LastIndexOf('/');
        var segment = path.AsSpan(slash + 1);
        var parentPath = slash < 0 ? "." : path.AsSpan(0, slash);
        var attached = directory >= 0 && path != "." && !segment.IsEmpty && Find(parentPath) == directory;
        var name = attached ? _names.Intern(segment) : path;
        var suffix = _names.Intern(PathForms.Suffix(segment));
        var node = new InterningNode(id, name, suffix, !attached, kind, directory < 0 ? null : _book.Node(directory));
        if (attached)
        {
            _children.Add(new ChildKey(directory, name), id);
        }
        else
        {
            _detached.Add(path, id);
            if (path == ".")
            {
                _rootNode = id;
            }
        }

        return _book.AddNode(path, node);
    }

    /// <inheritdoc />
    public void SetKind(int node, NodeKind kind)
    {
        _book.CheckLoading();
        _book.Node(node).Kind = kind;
    }

    /// <inheritdoc />
    public int FindNode(string path) => Find(path);

    /// <inheritdoc />
    public string GetPath(int node) => _book.Node(node).BuildPath();

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
        owner.Edges(kind).Add(target);
        if (kind == EdgeKind.Sources)
        {
            owner.Executor?.NoteSource(owner, target);
        }
    }

    /// <inheritdoc />
    public int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var executor = new ListExecutor<InterningNode>(_book.NextExecutorId(), builder, environment);
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
    public int CopyTargets(int executor, Span<int> destination) => NodeIds.Copy(_book.Executor(executor).Targets, destination);

    /// <inheritdoc />
    public NodeState GetState(int node) => _book.Node(node).State;

    /// <inheritdoc />
    public void SetState(int node, NodeState state) => _book.Node(node).State = state;

    /// <inheritdoc />
    public NodeInfo GetInfo(int node) => _book.Node(node).Info.Value;

    /// <inheritdoc />
    public void SetInfo(int node, NodeInfo info) => _book.Node(node).Info = SignatureInfo.From(info);

    /// <inheritdoc />
    public NodeInfo GetStoredInfo(int node) => _book.Node(node).StoredInfo.Value;

    /// <inheritdoc />
    public void SetStoredInfo(int node, NodeInfo info) => _book.Node(node).StoredInfo = SignatureInfo.From(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo(int node) => _book.Node(node).BuildInfo;

    /// <inheritdoc />
    public void SetBuildInfo(int node, BuildInfo info) => _book.Node(node).BuildInfo = info;

    /// <inheritdoc />
    public void ReleaseTargetInfo(int node)
    {
        // Kept, as the baseline keeps it: releasing is the weak-references variant's dimension.
    }

    /// <summary>Resolves a path: a detached node by its whole path, else the directory's id and the interned last segment.</summary>
    private int Find(ReadOnlySpan<char> path)
    {
        if (_detachedBySpan.TryGetValue(path, out var detached))
        {
            return detached;
        }

        var slash = path.LastIndexOf('/');
        var directory = slash < 0 ? _rootNode : Find(path[..slash]);
        if (directory < 0 || !_names.TryGet(path[(slash + 1)..], out var name))
        {
            return -1;
        }

        return _children.TryGetValue(new ChildKey(directory, name), out var id) ? id : -1;
    }
}
