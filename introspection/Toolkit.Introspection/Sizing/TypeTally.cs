namespace Toolkit.Introspection.Sizing;

/// <summary>Per-type counters of one walk, with the type's shape and whether the walk skips it.</summary>
internal sealed class TypeTally(TypeShape shape, bool excluded)
{
    public TypeShape Shape { get; } = shape;

    public bool Excluded { get; } = excluded;

    public long Count;

    public long Bytes;
}
