using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// SCons's Executor: one per build statement, with back-references to the nodes it builds and to its
/// sources (<see cref="ListExecutor{TNode}"/>), which keep every target reachable from every other
/// through its executor. 48 bytes and two 32-byte lists per statement.
/// </summary>
public sealed class BaselineExecutor : ListExecutor<BaselineNode>
{
    /// <summary>Creates an executor whose targets are the nodes with the ids <paramref name="targets"/>.</summary>
    public BaselineExecutor(int id, BuilderKind builder, int environment, ReadOnlySpan<int> targets, IReadOnlyList<BaselineNode> nodes)
        : base(id, builder, environment, targets, nodes)
    {
    }
}
