using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// The baseline's executor (SCons's Executor) for variants whose executor is not their dimension:
/// target and source back-references in lists, exactly as <c>BaselineExecutor</c> keeps them, but over
/// the variant's own node type.
/// </summary>
/// <typeparam name="TNode">The variant's node class.</typeparam>
public sealed class ListExecutor<TNode> : StoreExecutor<TNode>
    where TNode : class, IStoreNode
{
    /// <summary>Creates an executor with no targets yet.</summary>
    public ListExecutor(int id, BuilderKind builder, int environment)
        : base(id, builder, environment)
    {
    }

    /// <summary>The targets (back-references).</summary>
    public List<TNode> Targets { get; } = [];

    /// <summary>The sources, as the executor's batch keeps them.</summary>
    public List<TNode> Sources { get; } = [];

    /// <inheritdoc />
    public override int TargetCount => Targets.Count;

    /// <summary>Creates an executor whose targets are the nodes with these ids.</summary>
    public static ListExecutor<TNode> Create(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets, IReadOnlyList<TNode> nodes)
    {
        var executor = new ListExecutor<TNode>(id, builder, environment);
        foreach (var target in targets)
        {
            executor.Targets.Add(nodes[target]);
        }

        return executor;
    }

    /// <inheritdoc />
    public override int CopyTargets(Span<int> destination) => NodeIds.Copy(Targets, destination);

    /// <inheritdoc />
    public override void NoteSource(TNode owner, TNode source)
    {
        if (Targets[0] == owner)
        {
            Sources.Add(source);
        }
    }
}
