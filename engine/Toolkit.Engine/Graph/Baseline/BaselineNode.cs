using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// One node as a careful first C# port of SCons's Node.FS.File would hold it. Each choice is one
/// a reader knows from real engines: the path, the name, the suffix and the absolute path all stored
/// as strings (SCons keeps name, abspath and suffix on every node); every dependency list
/// allocated in the constructor (SCons's Node.__init__ creates sources, depends, implicit, ignore,
/// prerequisites and side-effect lists up front: <see cref="ListNode{TNode, TExecutor}"/>); references
/// to other node objects rather than ids; a back-reference to the directory; an attribute dictionary for
/// rarely used flags (SCons's node.attributes); signatures as hex strings (SCons's ninfo.csig).
/// What it costs: about 1 KB per source file once the six lists, the dictionary and the strings are counted.
/// The weak-references variant keeps this node unchanged (only its executors and the store's release differ),
/// so its executor is any <see cref="StoreExecutor{TNode}"/>.
/// </summary>
public sealed class BaselineNode : ListNode<BaselineNode, StoreExecutor<BaselineNode>>, IHexInfoNode
{
    /// <summary>Creates a node with every list allocated, as SCons's Node.__init__ does.</summary>
    public BaselineNode(int id, string path, string absolutePath, NodeKind kind, BaselineNode? directory)
        : base(directory)
    {
        Id = id;
        Path = path;
        AbsolutePath = absolutePath;
        Kind = kind;
        var slash = path.LastIndexOf('/');
        Name = slash < 0 ? path : path[(slash + 1)..];
        var dot = Name.LastIndexOf('.');
        Suffix = dot < 0 ? string.Empty : Name[dot..];
    }

    /// <summary>Dense id (its index in the store).</summary>
    public override int Id { get; }

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
    public override NodeKind Kind { get; set; }

    /// <summary>State in this build.</summary>
    public override NodeState State { get; set; }

    /// <summary>What is known now (content signature, stat, build signature), as hex strings.</summary>
    public BaselineNodeInfo Info { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>What the signature database said from the previous build.</summary>
    public BaselineNodeInfo StoredInfo { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>Build info of this run, kept after the build (null once a store releases it).</summary>
    public BaselineBuildInfo? BuildInfo { get; set; }
    // end excerpt

    /// <summary>Stat of the last time the node was looked at.</summary>
    public FileStamp Stamp => Info.Stamp;
}
