using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The baseline node unchanged (strings, eager lists, attribute dictionary, hex info objects) except
/// that its executor names targets by id and its <see cref="BuildInfo"/> is dropped once the node is
/// built (SCons's release_target_info). Saves the build info per built node after the build; costs
/// nothing in time, and <c>GetBuildInfo</c> answers null after the release.
/// </summary>
public sealed class WeakReferencesNode : IStoreNode
{
    /// <summary>Creates a node with every list allocated, as the baseline does.</summary>
    public WeakReferencesNode(int id, string path, string absolutePath, NodeKind kind, WeakReferencesNode? directory)
    {
        Id = id;
        Path = path;
        AbsolutePath = absolutePath;
        Kind = kind;
        Directory = directory;
        Name = PathForms.Name(path).ToString();
        Suffix = PathForms.Suffix(Name).ToString();
    }

    /// <summary>Dense id (its index in the store).</summary>
    public int Id { get; }

    /// <summary>Project-relative path.</summary>
    public string Path { get; }

    /// <summary>File name, stored as the baseline stores it.</summary>
    public string Name { get; }

    /// <summary>Suffix including the dot, stored as the baseline stores it.</summary>
    public string Suffix { get; }

    /// <summary>Absolute path, stored as the baseline stores it.</summary>
    public string AbsolutePath { get; }

    /// <summary>What the node stands for.</summary>
    public NodeKind Kind { get; set; }

    /// <summary>The directory holding the node (null for the root).</summary>
    public WeakReferencesNode? Directory { get; }

    /// <summary>The executor that builds this node, or null.</summary>
    public WeakReferencesExecutor? Executor { get; set; }

    /// <summary>Sources of the builder.</summary>
    public List<WeakReferencesNode> Sources { get; } = [];

    /// <summary>Explicit dependencies.</summary>
    public List<WeakReferencesNode> Depends { get; } = [];

    /// <summary>Scanned dependencies.</summary>
    public List<WeakReferencesNode> Implicit { get; } = [];

    /// <summary>Ignored dependencies.</summary>
    public List<WeakReferencesNode> Ignore { get; } = [];

    /// <summary>Order-only prerequisites.</summary>
    public List<WeakReferencesNode> Prerequisites { get; } = [];

    /// <summary>Side effects.</summary>
    public List<WeakReferencesNode> SideEffects { get; } = [];

    /// <summary>Rarely used flags, as the baseline's node.attributes.</summary>
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>State in this build.</summary>
    public NodeState State { get; set; }

    /// <summary>What is known now, as hex strings (the baseline's info object).</summary>
    public BaselineNodeInfo Info { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>What the signature database said.</summary>
    public BaselineNodeInfo StoredInfo { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>Build info of this run until the node is released, then null.</summary>
    public BaselineBuildInfo? BuildInfo { get; set; }

    /// <summary>The list for an edge kind.</summary>
    public List<WeakReferencesNode> Edges(EdgeKind kind) => kind switch
    {
        EdgeKind.Sources => Sources,
        EdgeKind.Depends => Depends,
        EdgeKind.Implicit => Implicit,
        EdgeKind.Ignored => Ignore,
        EdgeKind.OrderOnly => Prerequisites,
        EdgeKind.SideEffects => SideEffects,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind"),
    };
}
