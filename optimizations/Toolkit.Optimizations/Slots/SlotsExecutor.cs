using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The baseline's executor with its two lists as exact-size arrays (target and source back-references
/// kept, as the baseline keeps them); the id, environment and byte-wide builder come from
/// <see cref="StoreExecutor{TNode}"/> and pack into 16 bytes ahead of the two references.
/// Saves the two 32-byte list objects and their spare capacity.
/// </summary>
public sealed class SlotsExecutor : StoreExecutor<SlotsNode>
{
    private SlotsNode[] _sources = [];

    /// <summary>Creates an executor for its (exact) targets.</summary>
    internal SlotsExecutor(int id, BuilderKind builder, int environment, SlotsNode[] targets)
        : base(id, builder, environment)
    {
        Targets = targets;
    }

    /// <summary>The targets (back-references), exact-size.</summary>
    public SlotsNode[] Targets { get; }

    /// <summary>The sources of the first target, as the executor's batch keeps them.</summary>
    public ReadOnlySpan<SlotsNode> Sources => _sources.AsSpan(0, CompactArray.Count<SlotsNode>(_sources));

    /// <inheritdoc />
    public override int TargetCount => Targets.Length;

    /// <inheritdoc />
    public override int CopyTargets(Span<int> destination) => NodeIds.Copy<SlotsNode>(Targets, destination);

    /// <inheritdoc />
    public override void NoteSource(SlotsNode owner, SlotsNode source)
    {
        if (Targets[0] == owner)
        {
            CompactArray.Append(ref _sources, source);
        }
    }

    /// <summary>Makes the source array exact-size.</summary>
    internal void Trim() => CompactArray.Trim(ref _sources);
}
