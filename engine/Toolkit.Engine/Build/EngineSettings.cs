using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Scanning;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Build;

/// <summary>
/// The seams a memory variant plugs into: how nodes are stored, how files are hashed, how scan
/// results are cached, what is released after loading. The defaults are the baseline's. Settings carry
/// no name: a variant's name, summary and page live on the variant alone (Toolkit.Optimizations).
/// </summary>
public sealed class EngineSettings
{
    /// <summary>The baseline: object-per-node store, whole-file MD5, a strong scan cache.</summary>
    public static EngineSettings Baseline { get; } = new();

    /// <summary>Makes the node store for a project root (absolute path).</summary>
    public Func<string, NodeStore> StoreFactory { get; init; } = root => new BaselineNodeStore(root);

    /// <summary>Hashes file contents and command lines.</summary>
    public IContentHasher Hasher { get; init; } = new Md5ContentHasher();

    /// <summary>Makes the cache of parsed #include lines.</summary>
    public Func<IScanCache> ScanCacheFactory { get; init; } = () => new StrongScanCache();

    /// <summary>
    /// True to drop the scanner (and its caches) once the graph is loaded, so it is not retained
    /// while building; the baseline keeps it alive with the project, as SCons keeps its scanner caches.
    /// </summary>
    public bool ReleaseScannerAfterLoad { get; init; }

    /// <summary>
    /// True to run a blocking, compacting collection of every generation where a phase ends and most of what it
    /// allocated dies, so that it is returned before the next phase allocates instead of staying committed beside it:
    /// once the scan is over (the scanner, when released, its caches and the dependency log's record), once the store's
    /// completed tables are built (compacting the large object heap, where the store's arrays left the copies they grew
    /// by half from), and after the build, before the signature database is encoded (the plan's and the scheduler's
    /// per-node arrays, ~9 MB at 100k sources). Measured on a full build, whole process, NativeAOT: at 100k sources
    /// peak RSS ~77 -> ~70 MiB for the two load collections and ~71 -> ~64 MiB for the one before the save; at 10k
    /// ~19.4 -> ~18.4 MiB. Costs three collections of a heap that is mostly the graph: no wall time measurable on the
    /// 100k null build (1.7-2.0 s either way). A graph of fewer than 20,000 nodes is not collected for (see Project).
    /// Off, the collector runs when its budgets say, as before.
    /// </summary>
    public bool CollectBetweenPhases { get; init; }

    /// <summary>
    /// The include scanner's mode when set (<c>toolkit build --scan-mode</c>); null lets the manifest's
    /// <c>TOOLKIT_SCAN</c> decide (conservative when absent).
    /// </summary>
    public ScanMode? ScanMode { get; init; }

    /// <summary>The exact scan mode's compiler probe; null runs the compiler (<see cref="GccCompilerProbe"/>).</summary>
    public ICompilerProbe? CompilerProbe { get; init; }

    /// <summary>
    /// True (the default) to keep the conservative scanner's results between builds in the dependency log
    /// (<c>.toolkit.deps</c>), so an open reads only the files whose stamp changed; false (<c>--no-deps-log</c>)
    /// reads every file and leaves the log alone.
    /// </summary>
    public bool DependencyLog { get; init; } = true;

    /// <summary>
    /// True to keep a build image (<c>.toolkit.image</c>, <see cref="Image.BuildImage"/>) after a null build, and to
    /// answer the next null build from it (<see cref="Image.ImageCheck"/>) without building a graph; false (the default) never writes one.
    /// </summary>
    public bool BuildImage { get; init; }

    /// <summary>
    /// True when the open's build will not save (<c>toolkit build -n</c>): the dependency log is still consulted,
    /// but the scan records nothing for a next log and none is encoded. Saves, on a dry run, one dictionary
    /// entry per scanned file and the encoded log (about 50 MB of peak RSS at 100k sources); costs nothing.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// True when the open serves only its build's decisions and that build will not save (<c>toolkit build -n</c>
    /// without <c>--tree</c>): an object whose output is missing is not scanned, since it runs whatever its headers
    /// hold (<see cref="ScanPhase.ObjectsToScan"/>), and when no object is left no scanner is made. Its implicit
    /// dependencies stay unknown, so the graph is not for printing or keeping. Saves, on a dry run of a clean tree,
    /// the whole scan: at 10k sources (NativeAOT) peak RSS 18.4 -> 16.1 MiB and 0.19 -> 0.12 s, at 100k 87 -> 45 MiB
    /// (the scanner's caches, sized for every source, the header nodes, and ~300 bytes per node of garbage). Costs one
    /// stat per object at load.
    /// </summary>
    public bool ScanForDecisionsOnly { get; init; }

    /// <summary>A copy of these settings with the scan mode set (every other seam unchanged).</summary>
    public EngineSettings WithScanMode(ScanMode? mode) => Copy(mode, DependencyLog, ReadOnly, ScanForDecisionsOnly);

    /// <summary>A copy of these settings with the dependency log on or off (every other seam unchanged).</summary>
    public EngineSettings WithDependencyLog(bool enabled) => Copy(ScanMode, enabled, ReadOnly, ScanForDecisionsOnly);

    /// <summary>A copy of these settings for an open whose build will not save (<see cref="ReadOnly"/>), or will.</summary>
    public EngineSettings WithReadOnly(bool readOnly) => Copy(ScanMode, DependencyLog, readOnly, ScanForDecisionsOnly);

    /// <summary>
    /// A copy of these settings for a dry run that needs only decisions (<see cref="ScanForDecisionsOnly"/>, which
    /// implies <see cref="ReadOnly"/>), or not.
    /// </summary>
    public EngineSettings WithScanForDecisionsOnly(bool decisionsOnly) => Copy(ScanMode, DependencyLog, ReadOnly || decisionsOnly, decisionsOnly);

    private EngineSettings Copy(ScanMode? mode, bool dependencyLog, bool readOnly, bool decisionsOnly) => new()
    {
        StoreFactory = StoreFactory,
        Hasher = Hasher,
        ScanCacheFactory = ScanCacheFactory,
        ReleaseScannerAfterLoad = ReleaseScannerAfterLoad,
        CollectBetweenPhases = CollectBetweenPhases,
        ScanMode = mode,
        CompilerProbe = CompilerProbe,
        DependencyLog = dependencyLog,
        BuildImage = BuildImage,
        ReadOnly = readOnly,
        ScanForDecisionsOnly = decisionsOnly && readOnly,
    };
}
