using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Scaling;

/// <summary>What <c>toolkit scale</c> is asked to measure.</summary>
public sealed record ScaleRequest
{
    /// <summary>
    /// Default sizes: 1k and 10k sources finish in a few minutes on two cores for all variants with
    /// three repetitions (a 100k run of all variants takes about half an hour); pass --sources for more.
    /// </summary>
    public static IReadOnlyList<int> DefaultSources { get; } = [1_000, 10_000];

    /// <summary>Default repetitions: three fresh processes per (variant, size), the fewest that give a median and an interval.</summary>
    public const int DefaultRepeat = 3;

    /// <summary>Sizes in sources.</summary>
    public IReadOnlyList<int> Sources { get; init; } = DefaultSources;

    /// <summary>Variant names.</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    /// <summary>The generated projects' shape.</summary>
    public ProjectShape Shape { get; init; } = ProjectShape.CLibraries;

    /// <summary>The generator's seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Fresh processes per (variant, size).</summary>
    public int Repeat { get; init; } = DefaultRepeat;

    /// <summary>Measure GNU Make, Ninja and SCons when on PATH.</summary>
    public bool Peers { get; init; } = true;

    /// <summary>Measure dry runs (-n) instead of full builds.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where generated projects are kept between runs (a cache keyed by shape, size and seed).</summary>
    public required string ProjectsDirectory { get; init; }
}
