using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Shared;

/// <summary>
/// The baseline's executor (SCons's Executor) for variants whose executor is not their dimension:
/// target and source back-references in lists, exactly as <c>BaselineExecutor</c> keeps them, but over
/// the variant's own node type.
/// </summary>
internal sealed class ListExecutor<TNode>
    where TNode : class, IStoreNode
{
    /// <summary>Creates an executor.</summary>
    public ListExecutor(int id, BuilderKind builder, int environment)
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
    public List<TNode> Targets { get; } = [];

    /// <summary>The sources, as the executor's batch keeps them.</summary>
    public List<TNode> Sources { get; } = [];

    /// <summary>Records a source edge of <paramref name="owner"/> when it is this executor's first target (as the baseline does).</summary>
    public void NoteSource(TNode owner, TNode source)
    {
        if (Targets[0] == owner)
        {
            Sources.Add(source);
        }
    }
}
