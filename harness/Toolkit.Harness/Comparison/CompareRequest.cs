using Toolkit.Harness.Measuring;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Comparison;

/// <summary>What <c>toolkit compare</c> was asked: two results files, or two variants to measure now.</summary>
public sealed record CompareRequest
{
    /// <summary>
    /// Default relative threshold: differences under 5% are called "same". Repeated child runs of one
    /// variant spread by a few percent in time and peak RSS, so a smaller default would report noise.
    /// </summary>
    public const double DefaultThresholdPercent = 5;

    /// <summary>
    /// Default fresh child processes per variant when measuring now: more than scale's 3, because the
    /// verdict needs samples on both sides (3 against 3 can never reach alpha 0.05; docs/measuring.md).
    /// </summary>
    public const int DefaultRepeat = 5;

    /// <summary>The reference results file (A), or null when measuring variants.</summary>
    public string? FileA { get; init; }

    /// <summary>The candidate results file (B).</summary>
    public string? FileB { get; init; }

    /// <summary>The two variants to measure now (A, then B), or null.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>Project size for variant measurement.</summary>
    public int Sources { get; init; } = 1_000;

    /// <summary>Fresh child processes per variant.</summary>
    public int Repeat { get; init; } = DefaultRepeat;

    /// <summary>Generator shape.</summary>
    public ProjectShape Shape { get; init; } = ProjectShape.CLibraries;

    /// <summary>Generator seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Measure dry runs instead of full builds.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where generated projects are cached.</summary>
    public string ProjectsDirectory { get; init; } = ProjectCache.DefaultDirectory;

    /// <summary>Relative threshold of the verdicts, percent.</summary>
    public double ThresholdPercent { get; init; } = DefaultThresholdPercent;

    /// <summary>When set: exit with <see cref="ExitCodes.Regression"/> if B is worse beyond this percent.</summary>
    public double? FailOnRegressionPercent { get; init; }
}
