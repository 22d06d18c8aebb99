namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// What every variant's executor (SCons's Executor, one per build statement) holds alike: its id, builder
/// and environment; subclasses add the targets and sources in their own form (node lists, exact arrays,
/// ids). Costs the same 9 bytes of fields the baseline's executor has; subclasses' reference fields
/// follow them, so an executor with two references stays 48 bytes.
/// </summary>
/// <typeparam name="TNode">The variant's node class.</typeparam>
public abstract class StoreExecutor<TNode>
    where TNode : class
{
    /// <summary>Creates an executor.</summary>
    protected StoreExecutor(int id, BuilderKind builder, int environment)
    {
        Id = id;
        Environment = environment;
        Builder = builder;
    }

    /// <summary>Dense id.</summary>
    public int Id { get; }

    /// <summary>The environment id.</summary>
    public int Environment { get; }

    /// <summary>The builder.</summary>
    public BuilderKind Builder { get; }

    /// <summary>Number of targets.</summary>
    public abstract int TargetCount { get; }

    /// <summary>Copies the target ids; returns how many.</summary>
    public abstract int CopyTargets(Span<int> destination);

    /// <summary>Records a source edge of <paramref name="owner"/> when it is this executor's first target (as the baseline does).</summary>
    public abstract void NoteSource(TNode owner, TNode source);
}
