namespace Toolkit.Engine.Scanning;

/// <summary>
/// One source of a <see cref="ScanComparison"/>: its canonical name and the name the compile command
/// gave it, the scanner's headers, gcc's (null when gcc was not run or failed, with <see cref="GccError"/>),
/// and whether any file gcc read for it holds a computed <c>#include MACRO</c> (the conservative mode's
/// one allowed cause of a miss).
/// </summary>
public sealed record FileComparison(string Source, string Written, IReadOnlyList<string> Ours, string? ScanError, IReadOnlyList<string>? Gcc, string? GccError, bool HasComputedInclude)
{
    /// <summary>Headers gcc lists that the scanner does not.</summary>
    public IEnumerable<string> Missed => Gcc is null ? [] : Gcc.Except(Ours, StringComparer.Ordinal);

    /// <summary>Headers the scanner lists that gcc does not.</summary>
    public IEnumerable<string> Extra => Gcc is null ? [] : Ours.Except(Gcc, StringComparer.Ordinal);

    /// <summary>True when both sides list the same set of headers.</summary>
    public bool SameSet => Gcc is not null && Gcc.Count == Ours.Count && !Missed.Any();

    /// <summary>True when both sides list the same headers in the same order.</summary>
    public bool SameOrder => Gcc is not null && Gcc.SequenceEqual(Ours, StringComparer.Ordinal);
}
