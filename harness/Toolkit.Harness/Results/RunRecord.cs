using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Results;

/// <summary>One run: one fresh child process measuring one variant at one size (<c>toolkit footprint</c>).</summary>
/// <param name="Sources">The project's size.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Repetition">0 for the warm-up run (schema 2), 1 to N for the counted ones; from 0 in schema 1, which had no warm-up.</param>
/// <param name="Sequence">Position in the order of execution of the whole run.</param>
/// <param name="Footprint">What the child measured.</param>
/// <param name="Warmup">True for the uncounted first run of this (variant, size).</param>
/// <param name="LargeFiles">The project's large files (0 for the ordinary points).</param>
public sealed record RunRecord(int Sources, string Variant, int Repetition, int Sequence, FootprintRecord Footprint, bool Warmup = false, int LargeFiles = 0);
