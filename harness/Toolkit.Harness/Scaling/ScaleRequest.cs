using Toolkit.Harness.Measuring;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Scaling;

/// <summary>What <c>toolkit scale</c> is asked to measure.</summary>
public sealed record ScaleRequest
{
    /// <summary>
    /// Default sizes: 1k and 3k sources, two sizes for a growth per extra node. Every size costs a full
    /// build per tool and run (six runs each): at 10k the peers' full builds alone, a process per action,
    /// take several minutes, so the default stays small (README, "Quick start", gives the measured
    /// figure); pass --sources for more, or run the reference run.
    /// </summary>
    public static IReadOnlyList<int> DefaultSources { get; } = [1_000, 3_000];

    /// <summary>
    /// Default variants: the baseline and the combined profile, the two the headline compares; with
    /// every variant (--variants all) each size costs four times as long.
    /// </summary>
    public static IReadOnlyList<string> DefaultVariants { get; } = ["baseline", "optimized"];

    /// <summary>
    /// Default counted runs per (tool, size): 5. The verdicts read the exact 95% Mann-Whitney interval
    /// (ShiftInterval), which needs at least 4 runs on each side to exclude anything at all (3 against 3
    /// never can); 5 leaves the interval room to cut the two most extreme pairs of 25 from each end.
    /// </summary>
    public const int DefaultRepeat = 5;

    /// <summary>Uncounted warm-up runs per (tool, size) before the counted ones: the first run at a size meets a cold page cache and a cold disk.</summary>
    public const int DefaultWarmup = 1;

    /// <summary>
    /// Default large files of the extra point chunked hashing is judged at: 8 files of 8 MiB, enough that
    /// reading each whole (the baseline's hasher) shows in peak RSS at 1k sources, small enough to write in seconds.
    /// </summary>
    public const int DefaultLargeFiles = 8;

    /// <summary>Sizes in sources.</summary>
    public IReadOnlyList<int> Sources { get; init; } = DefaultSources;

    /// <summary>Variant names measured at every size (baseline first).</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    /// <summary>Sizes measured with fewer variants: size → the variants measured there.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> VariantsAt { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The peers to measure (names from <see cref="PeerTool.Names"/>); empty for none.</summary>
    public IReadOnlyList<string> Peers { get; init; } = PeerTool.DefaultNames;

    /// <summary>Sizes measured with fewer peers: size → the peers measured there.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> PeersAt { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The generated projects' shape.</summary>
    public ProjectShape Shape { get; init; } = ProjectShape.CLibraries;

    /// <summary>The generator's seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Counted runs per (tool, size).</summary>
    public int Repeat { get; init; } = DefaultRepeat;

    /// <summary>Uncounted warm-up runs per (tool, size).</summary>
    public int Warmup { get; init; } = DefaultWarmup;

    /// <summary>Large files of the extra point at the smallest size, added when a variant judged by peak RSS (chunked hashing) is measured; 0 for no such point.</summary>
    public int LargeFiles { get; init; } = DefaultLargeFiles;

    /// <summary>Parallel jobs given to every tool.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The engine program measured as a whole process.</summary>
    public EngineCommand Engine { get; init; } = EngineCommand.ThisToolkit();

    /// <summary>True to run the engine's full builds through the stand-in scripts (like the peers) instead of its built-in tool.</summary>
    public bool EngineStandIns { get; init; }

    /// <summary>Measure the footprint child's build as a dry run instead of a full build.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The tools to measure at every size instead of the variants and the peers (<c>compare --refs</c>:
    /// one engine per git ref); null for the usual run. No large-files point is added then.
    /// </summary>
    public IReadOnlyList<MeasuredTool>? Tools { get; init; }

    /// <summary>
    /// The project given with --project (an imported one, measured on its one point instead of generated
    /// sizes: the variants on a private copy, the peers read-only on its own build directory); null to generate.
    /// </summary>
    public ImportedProject? Project { get; init; }

    /// <summary>Where generated projects are kept between runs (a cache keyed by shape, size and seed).</summary>
    public required string ProjectsDirectory { get; init; }

    /// <summary>The variants measured at <paramref name="sources"/>.</summary>
    public IReadOnlyList<string> VariantsOf(int sources) => VariantsAt.TryGetValue(sources, out var only) ? only : Variants;

    /// <summary>The peers measured at <paramref name="sources"/>.</summary>
    public IReadOnlyList<string> PeersOf(int sources) => PeersAt.TryGetValue(sources, out var only) ? only : Peers;
}
