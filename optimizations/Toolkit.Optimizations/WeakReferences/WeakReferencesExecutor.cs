using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The baseline's executor with its back-references to targets and sources replaced by node ids: it
/// names its nodes instead of holding them, so an executor kept alive (by a task, a cache or a tool
/// walking executors) no longer keeps its nodes and everything they reach alive, and each entry is
/// 4 bytes instead of 8. Costs an id lookup where the baseline followed a reference.
/// </summary>
public sealed class WeakReferencesExecutor : StoreExecutor<BaselineNode>
{
    /// <summary>Creates an executor for its targets.</summary>
    public WeakReferencesExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets)
        : base(id, builder, environment)
    {
        foreach (var target in targets)
        {
            Targets.Add(target);
        }
    }

    /// <summary>The target node ids.</summary>
    public List<int> Targets { get; } = [];

    /// <summary>The source node ids of the first target, as the executor's batch keeps them.</summary>
    public List<int> Sources { get; } = [];

    /// <inheritdoc />
    public override int TargetCount => Targets.Count;

    /// <inheritdoc />
    public override int CopyTargets(Span<int> destination)
    {
        Targets.CopyTo(destination);
        return Targets.Count;
    }

    /// <inheritdoc />
    public override void NoteSource(BaselineNode owner, BaselineNode source)
    {
        if (Targets[0] == owner.Id)
        {
            Sources.Add(source.Id);
        }
    }
}
