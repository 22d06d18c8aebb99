namespace Toolkit.Harness.Reporting.Judging;

/// <summary>What the interval of a ratio candidate/reference says, against a relative threshold t.</summary>
public enum ChangeKind : byte
{
    /// <summary>Too few runs for any interval at the confidence level (fewer than 4 against 4 at 95%): nothing is claimed.</summary>
    TooFewRuns,

    /// <summary>The interval reaches both inside and outside ±t (or holds no change): no measurable difference.</summary>
    NoMeasurableDifference,

    /// <summary>The whole interval lies within ±t: no difference larger than the threshold (also "no measurable difference").</summary>
    WithinThreshold,

    /// <summary>The whole interval lies below 1/(1+t): the candidate is smaller, measurably.</summary>
    Smaller,

    /// <summary>The whole interval lies above 1+t: the candidate is larger, measurably.</summary>
    Larger,
}
