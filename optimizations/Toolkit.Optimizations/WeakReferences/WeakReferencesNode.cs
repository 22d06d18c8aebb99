using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Shared;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The baseline node unchanged (strings, eager lists and attribute dictionary from <see cref="ListNode{TNode, TExecutor}"/>,
/// hex info objects) except that its executor names targets by id and its <see cref="BuildInfo"/> is dropped
/// once the node is built (SCons's release_target_info). Saves the build info per built node after the
/// build; costs nothing in time, and <c>GetBuildInfo</c> answers null after the release.
/// </summary>
public sealed class WeakReferencesNode : ListNode<WeakReferencesNode, WeakReferencesExecutor>, IHexInfoNode
{
    /// <summary>Creates a node with every list allocated, as the baseline does.</summary>
    public WeakReferencesNode(int id, string path, string absolutePath, NodeKind kind, WeakReferencesNode? directory)
        : base(directory)
    {
        Id = id;
        Path = path;
        AbsolutePath = absolutePath;
        Kind = kind;
        Name = PathForms.Name(path).ToString();
        Suffix = PathForms.Suffix(Name).ToString();
    }

    /// <summary>Dense id (its index in the store).</summary>
    public override int Id { get; }

    /// <summary>Project-relative path.</summary>
    public string Path { get; }

    /// <summary>File name, stored as the baseline stores it.</summary>
    public string Name { get; }

    /// <summary>Suffix including the dot, stored as the baseline stores it.</summary>
    public string Suffix { get; }

    /// <summary>Absolute path, stored as the baseline stores it.</summary>
    public string AbsolutePath { get; }

    /// <summary>What the node stands for.</summary>
    public override NodeKind Kind { get; set; }

    /// <summary>State in this build.</summary>
    public override NodeState State { get; set; }

    /// <summary>What is known now, as hex strings (the baseline's info object).</summary>
    public BaselineNodeInfo Info { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>What the signature database said.</summary>
    public BaselineNodeInfo StoredInfo { get; set; } = BaselineNodeInfo.Empty;

    /// <summary>Build info of this run until the node is released, then null.</summary>
    public BaselineBuildInfo? BuildInfo { get; set; }
}
