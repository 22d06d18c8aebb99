using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Interning;

/// <summary>The baseline's executor (<see cref="ListExecutor{TNode}"/>: target and source back-references) over interning nodes; executors are not this variant's dimension.</summary>
public sealed class InterningExecutor : ListExecutor<InterningNode>
{
    /// <summary>Creates an executor whose targets are the nodes with the ids <paramref name="targets"/>.</summary>
    internal InterningExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets, IReadOnlyList<InterningNode> nodes)
        : base(id, builder, environment, targets, nodes)
    {
    }
}
