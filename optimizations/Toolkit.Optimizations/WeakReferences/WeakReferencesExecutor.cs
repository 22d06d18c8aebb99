using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// The baseline's executor with its back-references to targets and sources replaced by node ids: it
/// names its nodes instead of holding them, so an executor kept alive (by a task, a cache or a tool
/// walking executors) no longer keeps its nodes and everything they reach alive, and each entry is
/// 4 bytes instead of 8. Costs an id lookup where the baseline followed a reference.
/// </summary>
public sealed class WeakReferencesExecutor
{
    /// <summary>Creates an executor.</summary>
    public WeakReferencesExecutor(int id, BuilderKind builder, int environment)
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

    /// <summary>The target node ids.</summary>
    public List<int> Targets { get; } = [];

    /// <summary>The source node ids of the first target, as the executor's batch keeps them.</summary>
    public List<int> Sources { get; } = [];
}
