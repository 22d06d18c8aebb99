namespace Toolkit.Harness.Comparison;

/// <summary>What <c>toolkit compare</c> was asked: two results files, or two variants to measure now.</summary>
public sealed record CompareRequest
{
    /// <summary>The reference results file (A), or null when measuring variants.</summary>
    public string? FileA { get; init; }

    /// <summary>The candidate results file (B).</summary>
    public string? FileB { get; init; }

    /// <summary>The two variants to measure now (A, then B), or null.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>Project size for variant measurement.</summary>
    public int Sources { get; init; } = 1_000;

    /// <summary>Fresh child processes per variant.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>Generator shape name.</summary>
    public string Shape { get; init; } = "c-libraries";

    /// <summary>Generator seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Measure dry runs instead of full builds.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where generated projects are cached.</summary>
    public string ProjectsDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "toolkit", "projects");

    /// <summary>Relative threshold of the verdicts, percent.</summary>
    public double ThresholdPercent { get; init; } = DefaultThresholdPercent;

    /// <summary>When set: exit with <see cref="CompareExitCodes.Regression"/> if B is worse beyond this percent.</summary>
    public double? FailOnRegressionPercent { get; init; }

    /// <summary>
    /// Default relative threshold: differences under 5% are called "same". Repeated child runs of one
    /// variant spread by a few percent in time and peak RSS, so a smaller default would report noise.
    /// </summary>
    public const double DefaultThresholdPercent = 5;
}
