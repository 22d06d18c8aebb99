namespace Toolkit.Introspection.Heap;

/// <summary>Thresholds of <see cref="HeapInspector"/>: below them a pattern is not worth reporting.</summary>
public sealed record HeapInspectOptions
{
    /// <summary>Findings reported at most.</summary>
    public int MaxFindings { get; init; } = 50;

    /// <summary>A finding must save at least this many bytes.</summary>
    public long MinWastedBytes { get; init; } = 1024;

    /// <summary>A collection whose count is at most capacity over this is "mostly empty".</summary>
    public int MostlyEmptyRatio { get; init; } = 4;

    /// <summary>Arrays up to this length count as small for the struct-of-arrays inspection.</summary>
    public int SmallArrayLength { get; init; } = 8;

    /// <summary>At least this many small arrays of one type and length make a finding.</summary>
    public int SmallArrayMinCount { get; init; } = 1000;
}
