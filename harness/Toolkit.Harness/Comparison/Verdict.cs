namespace Toolkit.Harness.Comparison;

/// <summary>What <c>toolkit compare</c> concludes about one metric of B against A, read from the interval of B/A alone.</summary>
public enum Verdict
{
    /// <summary>The whole interval lies within ±threshold: no difference larger than the threshold.</summary>
    Same,

    /// <summary>The whole interval lies beyond the threshold on the better side.</summary>
    Better,

    /// <summary>The whole interval lies beyond the threshold on the worse side: a regression.</summary>
    Worse,

    /// <summary>Too few runs for an interval at 95% (fewer than 4 against 4): no verdict is guessed.</summary>
    TooFewSamples,

    /// <summary>The interval holds no change, or straddles the threshold: nothing is claimed.</summary>
    NoMeasurableDifference,
}
