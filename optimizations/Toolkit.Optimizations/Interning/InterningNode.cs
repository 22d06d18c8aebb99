using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Interning;

/// <summary>
/// The baseline node without full path strings: it keeps its directory node and its name (the last
/// path segment) and suffix as strings shared through one intern table, and its infos and build info
/// with 16-byte signatures instead of hex strings. Lists, attribute dictionary and executor are the
/// baseline's. The path is rebuilt from the directory chain on request; a node whose path does not
/// follow from its directory (the root ".", an alias named like a path) is <see cref="Detached"/> and
/// keeps its whole path as its name.
/// </summary>
public sealed class InterningNode : ListNode<InterningNode, InterningExecutor>, IInfoNode
{
    /// <summary>Creates a node with every list allocated, as the baseline does.</summary>
    // excerpt: interning
    internal InterningNode(int id, string name, string suffix, bool detached, NodeKind kind, InterningNode? directory)
        : base(directory)
    {
        Id = id;
        Name = name;
        Suffix = suffix;
        Detached = detached;
        Kind = kind;
    }

    /// <summary>Dense id (its index in the store).</summary>
    public override int Id { get; }

    /// <summary>The last path segment (the whole path when <see cref="Detached"/>), interned.</summary>
    public string Name { get; }

    /// <summary>Suffix including the dot, interned.</summary>
    public string Suffix { get; }

    /// <summary>True when the path is <see cref="Name"/> itself rather than the directory's path and the name.</summary>
    public bool Detached { get; }

    /// <summary>What the node stands for.</summary>
    public override NodeKind Kind { get; set; }

    /// <summary>State in this build.</summary>
    public override NodeState State { get; set; }

    /// <summary>What is known now, with 16-byte signatures.</summary>
    public SignatureInfo Info { get; set; } = SignatureInfo.Empty;

    /// <summary>What the signature database said, with 16-byte signatures.</summary>
    public SignatureInfo StoredInfo { get; set; } = SignatureInfo.Empty;

    /// <summary>Build info of this run in the engine's own form (16-byte signatures), kept after the build.</summary>
    public BuildInfo? BuildInfo { get; set; }
    // end excerpt

    /// <summary>True for the root directory ("."), whose children's paths have no prefix.</summary>
    public bool IsRoot => Detached && Name == ".";

    /// <inheritdoc />
    public NodeInfo GetInfo() => Info.Value;

    /// <inheritdoc />
    public void SetInfo(NodeInfo info) => Info = SignatureInfo.From(info);

    /// <inheritdoc />
    public NodeInfo GetStoredInfo() => StoredInfo.Value;

    /// <inheritdoc />
    public void SetStoredInfo(NodeInfo info) => StoredInfo = SignatureInfo.From(info);

    /// <inheritdoc />
    public BuildInfo? GetBuildInfo() => BuildInfo;

    /// <inheritdoc />
    public void SetBuildInfo(BuildInfo info) => BuildInfo = info;

    /// <summary>The project-relative path, rebuilt from the directory chain.</summary>
    public string BuildPath()
    {
        var length = 0;
        for (var node = this; ; node = node.Directory!)
        {
            length += node.Name.Length;
            if (node.Detached || node.Directory!.IsRoot)
            {
                break;
            }

            length++;
        }

        return string.Create(length, this, static (span, last) =>
        {
            var end = span.Length;
            for (var node = last; ; node = node.Directory!)
            {
                end -= node.Name.Length;
                node.Name.CopyTo(span[end..]);
                if (node.Detached || node.Directory!.IsRoot)
                {
                    return;
                }

                span[--end] = '/';
            }
        });
    }
}
