using Toolkit.Harness.Measuring;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Comparison;

/// <summary>What <c>toolkit compare</c> was asked: two results files, two variants or two git refs to measure now, or two runs' verdicts.</summary>
public sealed record CompareRequest
{
    /// <summary>
    /// Default relative threshold: differences under 5% are not claimed. Repeated whole-process runs of one
    /// variant spread by a few percent in time on a quiet machine, so a smaller default would claim noise.
    /// </summary>
    public const double DefaultThresholdPercent = 5;

    /// <summary>Default counted runs per side when measuring now: the same as scale's, enough for the 95% interval to decide (4 at least).</summary>
    public const int DefaultRepeat = Scaling.ScaleRequest.DefaultRepeat;

    /// <summary>The default command that builds a ref's engine in its worktree: this repository's toolkit, in Release.</summary>
    public const string DefaultBuildCommand = "dotnet build -c Release -nologo -v q harness/Toolkit.Harness/Toolkit.Harness.csproj";

    /// <summary>The default engine of a built ref, relative to its worktree: the toolkit's build verb.</summary>
    public const string DefaultRefEngine = "harness/Toolkit.Harness/bin/Release/net10.0/toolkit build";

    /// <summary>The reference results file (A), or null.</summary>
    public string? FileA { get; init; }

    /// <summary>The candidate results file (B).</summary>
    public string? FileB { get; init; }

    /// <summary>The two variants to measure now (A, then B), or null.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>The two git refs whose engines to build and measure now (A, then B), or null.</summary>
    public IReadOnlyList<string>? Refs { get; init; }

    /// <summary>True to compare the verdicts of the pages of two results files (<c>--verdicts A.json B.json</c>).</summary>
    public bool Verdicts { get; init; }

    /// <summary>With <see cref="Refs"/>: the variant both engines build with.</summary>
    public string Variant { get; init; } = "baseline";

    /// <summary>With <see cref="Refs"/>: the repository the refs belong to.</summary>
    public string Repository { get; init; } = Environment.CurrentDirectory;

    /// <summary>With <see cref="Refs"/>: the shell command that builds the engine in a ref's worktree.</summary>
    public string BuildCommand { get; init; } = DefaultBuildCommand;

    /// <summary>With <see cref="Refs"/>: the engine command of a built ref, relative to its worktree (<see cref="EngineCommand"/>).</summary>
    public string RefEngine { get; init; } = DefaultRefEngine;

    /// <summary>Project size for measuring now.</summary>
    public int Sources { get; init; } = 1_000;

    /// <summary>Counted runs per side.</summary>
    public int Repeat { get; init; } = DefaultRepeat;

    /// <summary>Uncounted warm-up runs per side.</summary>
    public int Warmup { get; init; } = Scaling.ScaleRequest.DefaultWarmup;

    /// <summary>Parallel jobs.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Generator shape.</summary>
    public ProjectShape Shape { get; init; } = ProjectShape.CLibraries;

    /// <summary>Generator seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Make the footprint child's build a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where generated projects are cached.</summary>
    public string ProjectsDirectory { get; init; } = ProjectCache.DefaultDirectory;

    /// <summary>Relative threshold of the verdicts, percent.</summary>
    public double ThresholdPercent { get; init; } = DefaultThresholdPercent;

    /// <summary>When set: exit with <see cref="ExitCodes.Regression"/> if B is worse beyond this percent.</summary>
    public double? FailOnRegressionPercent { get; init; }

    /// <summary>The output format (<see cref="ComparisonFormat"/>).</summary>
    public string Format { get; init; } = ComparisonFormat.Text;

    /// <summary>The request to measure at one size now with <see cref="Scaling.ScaleRunner"/>.</summary>
    public Scaling.ScaleRequest ToScaleRequest(IReadOnlyList<string> variants, IReadOnlyList<MeasuredTool>? tools = null) => new()
    {
        Sources = [Sources],
        Variants = variants,
        Peers = [],
        Shape = Shape,
        Seed = Seed,
        Repeat = Repeat,
        Warmup = Warmup,
        LargeFiles = 0,
        Jobs = Jobs,
        DryRun = DryRun,
        ProjectsDirectory = ProjectsDirectory,
        Tools = tools,
    };
}
