using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The baseline's executor with its two lists as exact-size arrays (target and source back-references
/// kept, as the baseline keeps them) and its fields ordered references first, then the int, then the
/// byte-wide builder. Saves the two 32-byte list objects and their spare capacity.
/// </summary>
public sealed class SlotsExecutor
{
    private SlotsNode[] _sources = [];

    /// <summary>Creates an executor for its (exact) targets.</summary>
    internal SlotsExecutor(int id, BuilderKind builder, int environment, SlotsNode[] targets)
    {
        Targets = targets;
        Id = id;
        Environment = environment;
        Builder = builder;
    }

    /// <summary>The targets (back-references), exact-size.</summary>
    public SlotsNode[] Targets { get; }

    /// <summary>The sources of the first target, as the executor's batch keeps them.</summary>
    public ReadOnlySpan<SlotsNode> Sources => _sources.AsSpan(0, CompactArray.Count<SlotsNode>(_sources));

    /// <summary>Dense id.</summary>
    public int Id { get; }

    /// <summary>The environment id.</summary>
    public int Environment { get; }

    /// <summary>The builder, one byte.</summary>
    public BuilderKind Builder { get; }

    /// <summary>Records a source while loading.</summary>
    internal void AddSource(SlotsNode source) => CompactArray.Append(ref _sources, source);

    /// <summary>Makes the source array exact-size.</summary>
    internal void Trim() => CompactArray.Trim(ref _sources);
}
