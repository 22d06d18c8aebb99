namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// SCons's Executor: one per build statement, with back-references to the nodes it builds and
/// to its sources (SCons's executor batches hold both lists), which keep every target reachable
/// from every other through its executor.
/// </summary>
public sealed class BaselineExecutor
{
    /// <summary>Creates an executor.</summary>
    public BaselineExecutor(int id, BuilderKind builder, int environment)
    {
        Id = id;
        Builder = builder;
        Environment = environment;
    }

    /// <summary>Dense id.</summary>
    public int Id { get; }

    /// <summary>The builder.</summary>
    public BuilderKind Builder { get; }

    /// <summary>The environment id.</summary>
    public int Environment { get; }

    /// <summary>The targets (back-references).</summary>
    public List<BaselineNode> Targets { get; } = [];

    /// <summary>The sources, as the executor's batch keeps them.</summary>
    public List<BaselineNode> Sources { get; } = [];
}
