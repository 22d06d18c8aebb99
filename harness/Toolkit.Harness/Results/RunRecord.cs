using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Results;

/// <summary>One run: one fresh child process measuring one variant at one size.</summary>
public sealed record RunRecord(int Sources, string Variant, int Repetition, int Sequence, FootprintRecord Footprint);
