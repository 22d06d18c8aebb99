using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The slots variant's store: the baseline store over <see cref="SlotsNode"/> and <see cref="SlotsExecutor"/>
/// (fixed fields, byte enums, bit flags, exact-size arrays, inline info). Same path dictionary,
/// strings, hex signatures, back-references and kept build info as the baseline, so the difference
/// in bytes per node is the slot layout alone. <see cref="NodeStore.CompleteLoad"/> trims every array that grew
/// while loading (a pass over all nodes); a set of implicit edges is always stored exact-size.
/// </summary>
public sealed class SlotsNodeStore : ObjectNodeStore<SlotsNode, SlotsExecutor>
{
    /// <summary>Creates an empty store for a project rooted at <paramref name="rootDirectory"/>.</summary>
    public SlotsNodeStore(string rootDirectory)
        : base(rootDirectory, indexPaths: true)
    {
    }

    /// <inheritdoc />
    public override string GetPath(int node) => Node(node).Path;

    /// <inheritdoc />
    protected override void OnCompleteLoad()
    {
        foreach (var node in Nodes)
        {
            node.Trim();
        }

        for (var i = 0; i < ExecutorCount; i++)
        {
            Executor(i).Trim();
        }
    }

    /// <inheritdoc />
    protected override SlotsNode CreateNode(int id, string path, NodeKind kind, SlotsNode? directory) =>
        new(id, path, PathForms.Absolute(Root, path), kind, directory);

    /// <inheritdoc />
    protected override SlotsExecutor CreateExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var nodes = new SlotsNode[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            nodes[i] = Node(targets[i]);
        }

        return new SlotsExecutor(id, builder, environment, nodes);
    }
}
