namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// The baseline's executor (SCons's Executor) over any node type: target and source back-references in
/// lists (SCons's executor batches hold both), which keep every target reachable from every other through
/// its executor. The baseline's <c>BaselineExecutor</c> and the executors of variants whose executor is
/// not their dimension are sealed subclasses that add nothing, so each variant's executors have their own
/// name in a heap snapshot. Costs what the baseline's executor costs: two 32-byte lists per statement
/// (48 bytes for the executor itself).
/// </summary>
/// <typeparam name="TNode">The variant's node class.</typeparam>
public abstract class ListExecutor<TNode> : StoreExecutor<TNode>
    where TNode : class, IStoreNode
{
    /// <summary>Creates an executor whose targets are the nodes with the ids <paramref name="targets"/> in <paramref name="nodes"/>.</summary>
    protected ListExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets, IReadOnlyList<TNode> nodes)
        : base(id, builder, environment)
    {
        foreach (var target in targets)
        {
            Targets.Add(nodes[target]);
        }
    }

    /// <summary>The targets (back-references).</summary>
    public List<TNode> Targets { get; } = [];

    /// <summary>The sources of the first target, as the executor's batch keeps them.</summary>
    public List<TNode> Sources { get; } = [];

    /// <inheritdoc />
    public override int TargetCount => Targets.Count;

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
