namespace Toolkit.Harness.Comparison;

/// <summary>What <c>toolkit compare</c> concludes about one metric of B against A.</summary>
public enum Verdict
{
    /// <summary>The difference is within noise or within the relative threshold.</summary>
    Same,

    /// <summary>B is better than A beyond the threshold, and the test says it is not noise.</summary>
    Better,

    /// <summary>B is worse than A beyond the threshold, and the test says it is not noise.</summary>
    Worse,

    /// <summary>Too few runs for the test to ever reach significance; no verdict is guessed.</summary>
    TooFewSamples,
}
