namespace Toolkit.Harness.Reporting.Statistics;

/// <summary>
/// A point estimate (a median, a difference or a ratio of medians) with its 95% confidence
/// interval and the number of runs behind it.
/// </summary>
public readonly record struct Estimate(double Value, double Lower, double Upper, int Runs)
{
    /// <summary>True when the interval lies wholly above zero.</summary>
    public bool IsAboveZero => Lower > 0;

    /// <summary>True when the interval lies wholly below zero.</summary>
    public bool IsBelowZero => Upper < 0;

    /// <summary>False when there were too few runs for an interval at the level: it then runs to infinity and excludes nothing.</summary>
    public bool HasInterval => double.IsFinite(Lower) && double.IsFinite(Upper);
}
