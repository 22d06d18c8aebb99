using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// One row of every comparison table: the runs of A and of B that are compared with each other,
/// e.g. variant "slots" at 10k sources from two result files, or variants "baseline" (A) and "slots" (B).
/// </summary>
/// <param name="Label">How the row is named ("slots", "baseline -> slots").</param>
/// <param name="Sources">The project size.</param>
/// <param name="A">The reference runs.</param>
/// <param name="B">The candidate runs.</param>
public sealed record ComparisonCase(string Label, int Sources, IReadOnlyList<FootprintRecord> A, IReadOnlyList<FootprintRecord> B);
