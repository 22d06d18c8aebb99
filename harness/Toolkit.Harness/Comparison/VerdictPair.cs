namespace Toolkit.Harness.Comparison;

/// <summary>One verdict the pages draw, as two runs drew it (<see cref="VerdictAgreement"/>).</summary>
/// <param name="Variant">The optimization.</param>
/// <param name="Point">The point's label.</param>
/// <param name="Figure">"verdict", "memory" or a time's label ("null build").</param>
/// <param name="A">The first run's word.</param>
/// <param name="B">The second run's word.</param>
public sealed record VerdictPair(string Variant, string Point, string Figure, string A, string B)
{
    /// <summary>True when both runs say the same.</summary>
    public bool Agrees => A == B;
}
