namespace Toolkit.Introspection.Sizing;

/// <summary>Per-type counters of one walk, with the type's shape, whether the walk skips it, and whether its objects may be boundaries (asked of each).</summary>
internal sealed class TypeTally(TypeShape shape, bool excluded, bool mayBeBoundary = false)
{
    public TypeShape Shape { get; } = shape;

    public bool Excluded { get; } = excluded;

    public bool MayBeBoundary { get; } = mayBeBoundary;

    public long Count;

    public long Bytes;
}
