using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// One node as a careful first C# port of SCons's Node.FS.File would hold it. Each choice is one
/// a reader knows from real engines: the path, the name, the suffix and the absolute path all stored
/// as strings (SCons keeps name, abspath and suffix on every node); every dependency list
/// allocated in the constructor (SCons's Node.__init__ creates sources, depends, implicit, ignore,
/// prerequisites and side-effect lists up front); references to other node objects rather than ids;
/// a back-reference to the directory; an attribute dictionary for rarely used flags (SCons's
/// node.attributes); signatures as hex strings (SCons's ninfo.csig).
/// What it costs: about 1 KB per source file once the six lists, the dictionary and the strings are counted.
/// </summary>
public sealed class BaselineNode
{
    /// <summary>Creates a node with every list allocated, as SCons's Node.__init__ does.</summary>
    public BaselineNode(int id, string path, string absolutePath, NodeKind kind, BaselineNode? directory)
    {
        Id = id;
        Path = path;
        AbsolutePath = absolutePath;
        Kind = kind;
        Directory = directory;
        var slash = path.LastIndexOf('/');
        Name = slash < 0 ? path : path[(slash + 1)..];
        var dot = Name.LastIndexOf('.');
        Suffix = dot < 0 ? string.Empty : Name[dot..];
    }

    /// <summary>Dense id (its index in the store).</summary>
    public int Id { get; }

    // excerpt: baseline-node
    /// <summary>Project-relative path.</summary>
    public string Path { get; }

    /// <summary>File name (the last path segment), stored as SCons stores node.name.</summary>
    public string Name { get; }

    /// <summary>Suffix including the dot, stored as SCons stores node.suffix.</summary>
    public string Suffix { get; }

    /// <summary>Absolute path, stored as SCons stores node.abspath.</summary>
    public string AbsolutePath { get; }

    /// <summary>What the node stands for.</summary>
    public NodeKind Kind { get; set; }

    /// <summary>The directory holding the node (null for the root).</summary>
    public BaselineNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public BaselineExecutor? Executor { get; set; }

    /// <summary>Sources of the builder.</summary>
    public List<BaselineNode> Sources { get; } = [];

    /// <summary>Explicit dependencies.</summary>
    public List<BaselineNode> Depends { get; } = [];

    /// <summary>Scanned dependencies.</summary>
    public List<BaselineNode> Implicit { get; } = [];

    /// <summary>Ignored dependencies.</summary>
    public List<BaselineNode> Ignore { get; } = [];

    /// <summary>Order-only prerequisites.</summary>
    public List<BaselineNode> Prerequisites { get; } = [];

    /// <summary>Side effects.</summary>
    public List<BaselineNode> SideEffects { get; } = [];

    /// <summary>Rarely used flags (precious, noclean, always-build, ...), as SCons's node.attributes.</summary>
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>State in this build.</summary>
    public NodeState State { get; set; }

    /// <summary>What is known now (content signature, stat, build signature), as hex strings.</summary>
    public BaselineNodeInfo Info { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>What the signature database said from the previous build.</summary>
    public BaselineNodeInfo StoredInfo { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>Build info of this run, kept after the build.</summary>
    public BaselineBuildInfo? BuildInfo { get; set; }
    // end excerpt

    /// <summary>The list for an edge kind.</summary>
    public List<BaselineNode> Edges(EdgeKind kind) => kind switch
    {
        EdgeKind.Sources => Sources,
        EdgeKind.Depends => Depends,
        EdgeKind.Implicit => Implicit,
        EdgeKind.Ignored => Ignore,
        EdgeKind.OrderOnly => Prerequisites,
        EdgeKind.SideEffects => SideEffects,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind"),
    };

    /// <summary>Stat of the last time the node was looked at.</summary>
    public FileStamp Stamp => Info.Stamp;
}
