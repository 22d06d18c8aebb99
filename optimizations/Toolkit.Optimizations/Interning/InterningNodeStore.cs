using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Interning;

/// <summary>
/// The interning variant's store: nodes hold their directory and an interned name instead of full path
/// strings (a flyweight over path segments), so a name repeated in many directories is one string;
/// paths are found segment by segment through an index of (directory id, interned name) and rebuilt
/// on <see cref="GetPath"/>; infos and build info keep 16-byte signatures instead of hex strings.
/// Lists, dictionary, executors and kept build info are the baseline's.
/// Saves the path, name, suffix and absolute-path strings per node (the baseline's path dictionary
/// key is one of them) and the hex strings per info; costs a new string per <see cref="GetPath"/>
/// and one lookup per path segment in <see cref="FindNode(string)"/>.
/// </summary>
public sealed class InterningNodeStore : ObjectNodeStore<InterningNode, InterningExecutor>
{
    private readonly InternTable _names = new();
    private readonly Dictionary<ChildKey, int> _children = [];
    private readonly Dictionary<string, int> _detached = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _detachedBySpan;
    private int _rootNode = -1;

    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public InterningNodeStore(string rootDirectory)
        : base(rootDirectory, indexPaths: false)
    {
        _detachedBySpan = _detached.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct interned names and suffixes.</summary>
    public int InternedCount => _names.Count;

    /// <summary>The absolute path of a node, computed (the baseline stores it).</summary>
    public string GetAbsolutePath(int node) => PathForms.Absolute(Root, GetPath(node));

    /// <inheritdoc />
    public override int FindNode(string path) => Find(path);

    /// <inheritdoc />
    public override string GetPath(int node) => Node(node).BuildPath();

    /// <inheritdoc />
    protected override InterningNode CreateNode(int id, string path, NodeKind kind, InterningNode? directory)
    {
        var directoryId = directory?.Id ?? -1;
        var slash = path.LastIndexOf('/');
        var segment = path.AsSpan(slash + 1);
        var parentPath = slash < 0 ? "." : path.AsSpan(0, slash);
        var attached = directoryId >= 0 && path != "." && !segment.IsEmpty && Find(parentPath) == directoryId;
        var name = attached ? _names.Intern(segment) : path;
        var suffix = _names.Intern(PathForms.Suffix(segment));
        var node = new InterningNode(id, name, suffix, !attached, kind, directory);
        if (attached)
        {
            _children.Add(new ChildKey(directoryId, name), id);
        }
        else
        {
            _detached.Add(path, id);
            if (path == ".")
            {
                _rootNode = id;
            }
        }

        return node;
    }

    /// <inheritdoc />
    protected override InterningExecutor CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets) =>
        new(id, builder, environment, targets, Nodes);

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
