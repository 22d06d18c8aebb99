using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.LazyInit;

/// <summary>The baseline's executor (<see cref="ListExecutor{TNode}"/>: target and source back-references) over lazy-init nodes; executors are not this variant's dimension.</summary>
public sealed class LazyInitExecutor : ListExecutor<LazyInitNode>
{
    /// <summary>Creates an executor whose targets are the nodes with the ids <paramref name="targets"/>.</summary>
    internal LazyInitExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets, IReadOnlyList<LazyInitNode> nodes)
        : base(id, builder, environment, targets, nodes)
    {
    }
}
