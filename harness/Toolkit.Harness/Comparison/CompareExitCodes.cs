namespace Toolkit.Harness.Comparison;

/// <summary>Exit codes of <c>toolkit compare</c>.</summary>
public static class CompareExitCodes
{
    /// <summary>Compared; no regression beyond --fail-on-regression (or the option was not given).</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a missing or damaged file, bad options, nothing in common to compare, a failed measurement.</summary>
    public const int BadInput = 1;

    /// <summary>With --fail-on-regression: some metric of B is worse than A beyond the percentage, and not by noise.</summary>
    public const int Regression = 3;
}
