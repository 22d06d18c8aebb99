using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The baseline node as a compact sealed class with fixed fields only, the C# analogue of Python's
/// <c>__slots__</c>: no attribute dictionary (the rare flags are one byte of <see cref="NodeFlags"/>),
/// byte-wide kind and state, the six dependency lists as exact-size arrays (the shared empty array
/// when empty) instead of <see cref="List{T}"/> objects, the current and stored node info held inline
/// as fields instead of two info objects, and the fields declared references first, then the two
/// 16-byte stamps, then the int, then the bytes, so that the runtime packs them without padding
/// (17 references + 2 stamps + 4 + 3 bytes: 192 bytes with the object header, checked by a test).
/// Keeps the baseline's strings (path, name, suffix, absolute path) and hex signatures: those are
/// the interning variant's dimension. Saves about 6 x 32 bytes of list objects, the 80-byte
/// dictionary, the list arrays' spare capacity and the info objects; costs a node that is larger
/// than the baseline's when no info is known (the inline info is always there).
/// </summary>
public sealed class SlotsNode : ObjectNode<SlotsNode, SlotsExecutor>, IInfoNode
{
    // excerpt: slots
    private SlotsNode[] _sources = [];
    private SlotsNode[] _depends = [];
    private SlotsNode[] _implicit = [];
    private SlotsNode[] _ignore = [];
    private SlotsNode[] _prerequisites = [];
    private SlotsNode[] _sideEffects = [];
    private string? _contentHex;
    private string? _buildHex;
    private string? _storedContentHex;
    private string? _storedBuildHex;
    private FileStamp _stamp = FileStamp.Unknown;
    private FileStamp _storedStamp = FileStamp.Unknown;
    // end excerpt

    /// <summary>Creates a node; its arrays start as the shared empty array.</summary>
    internal SlotsNode(int id, string path, string absolutePath, NodeKind kind, SlotsNode? directory)
    {
        Path = path;
        Name = PathForms.Name(path).ToString();
        Suffix = PathForms.Suffix(Name).ToString();
        AbsolutePath = absolutePath;
        Directory = directory;
        Id = id;
        Kind = kind;
    }

    /// <summary>Project-relative path.</summary>
    public string Path { get; }

    /// <summary>File name (the last path segment), stored as the baseline stores it.</summary>
    public string Name { get; }

    /// <summary>Suffix including the dot, stored as the baseline stores it.</summary>
    public string Suffix { get; }

    /// <summary>Absolute path, stored as the baseline stores it.</summary>
    public string AbsolutePath { get; }

    /// <summary>The directory holding the node (null for the root).</summary>
    public override SlotsNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public override SlotsExecutor? Executor { get; set; }

    /// <summary>Build info of this run, kept after the build as the baseline keeps it.</summary>
    public BaselineBuildInfo? BuildInfo { get; internal set; }

    /// <summary>Dense id (its index in the store).</summary>
    public override int Id { get; }

    /// <summary>What the node stands for (one byte).</summary>
    public override NodeKind Kind { get; set; }

    /// <summary>State in this build (one byte).</summary>
    public override NodeState State { get; set; }

    /// <summary>The rare flags (one byte) that the baseline keeps in its attribute dictionary.</summary>
    public NodeFlags Flags { get; set; }

    /// <summary>The current info, from the inline fields.</summary>
    public NodeInfo GetInfo() => HexNodeInfo.ToNodeInfo(_contentHex, _stamp, _buildHex);

    /// <summary>Sets the inline fields of the current info.</summary>
    public void SetInfo(NodeInfo info) => (_contentHex, _stamp, _buildHex) = HexNodeInfo.From(info);

    /// <summary>The info the database had, from the inline fields.</summary>
    public NodeInfo GetStoredInfo() => HexNodeInfo.ToNodeInfo(_storedContentHex, _storedStamp, _storedBuildHex);

    /// <summary>Sets the inline fields of the stored info.</summary>
    public void SetStoredInfo(NodeInfo info) => (_storedContentHex, _storedStamp, _storedBuildHex) = HexNodeInfo.From(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo() => BuildInfo?.ToBuildInfo();

    /// <inheritdoc />
    public void SetBuildInfo(BuildInfo info) => BuildInfo = new BaselineBuildInfo(info);

    /// <inheritdoc />
    public override int EdgeCount(EdgeKind kind) => Edges(kind).Length;

    /// <inheritdoc />
    public override int CopyEdges(EdgeKind kind, Span<int> destination) => NodeIds.Copy(Edges(kind), destination);

    /// <summary>The edges of a kind (exact-size after loading; during loading a null tail may follow them).</summary>
    public ReadOnlySpan<SlotsNode> Edges(EdgeKind kind)
    {
        var array = EdgeArray(kind);
        return array.AsSpan(0, CompactArray.Count<SlotsNode>(array));
    }

    /// <summary>Appends an edge while loading.</summary>
    public override void AddEdge(EdgeKind kind, SlotsNode dependency) => CompactArray.Append(ref EdgeArray(kind), dependency);

    /// <summary>Replaces the implicit edges with an exact-size array (the shared empty array when none).</summary>
    public override void SetImplicitEdges(ReadOnlySpan<int> dependencies, List<SlotsNode> nodes)
    {
        SlotsNode[] implicitEdges = dependencies.IsEmpty ? [] : new SlotsNode[dependencies.Length];
        for (var i = 0; i < dependencies.Length; i++)
        {
            implicitEdges[i] = nodes[dependencies[i]];
        }

        _implicit = implicitEdges;
    }

    /// <summary>Makes every edge array exact-size.</summary>
    internal void Trim()
    {
        CompactArray.Trim(ref _sources);
        CompactArray.Trim(ref _depends);
        CompactArray.Trim(ref _implicit);
        CompactArray.Trim(ref _ignore);
        CompactArray.Trim(ref _prerequisites);
        CompactArray.Trim(ref _sideEffects);
    }

    private ref SlotsNode[] EdgeArray(EdgeKind kind)
    {
        switch (kind)
        {
            case EdgeKind.Sources:
                return ref _sources;
            case EdgeKind.Depends:
                return ref _depends;
            case EdgeKind.Implicit:
                return ref _implicit;
            case EdgeKind.Ignored:
                return ref _ignore;
            case EdgeKind.OrderOnly:
                return ref _prerequisites;
            case EdgeKind.SideEffects:
                return ref _sideEffects;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind");
        }
    }
}
