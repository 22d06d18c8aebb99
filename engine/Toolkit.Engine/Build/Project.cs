using System.Diagnostics;
using System.Runtime;
using Toolkit.Engine.Actions;
using Toolkit.Engine.Database;
using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Image;
using Toolkit.Engine.Manifest;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Build;

/// <summary>
/// A loaded project: the graph read from its manifest, its implicit dependencies scanned, the
/// signature database of the previous build applied. <see cref="Build"/> runs a build and saves the
/// database (atomically; never with -n; not at all when it would be the same bytes, as after a null build),
/// also after a failure or an interruption, so that the next build runs only what did not finish.
/// </summary>
public sealed class Project
{
    /// <summary>The signature database's file name, in the project root.</summary>
    public const string DatabaseFileName = ".toolkit.sigdb";

    private readonly EngineSettings _settings;
    private readonly IBuildReporter _reporter;
    private FileStamp _databaseStamp = FileStamp.Unknown;
    private bool _databaseApplied;
    private byte[]? _databaseHash;
    private PayloadWriter? _pendingDependencyLog;
    private byte[]? _manifestHash;

    private Project(BuildGraph graph, IFileSystem fileSystem, EngineSettings settings, IBuildReporter reporter, CIncludeScanner? scanner)
    {
        Graph = graph;
        FileSystem = fileSystem;
        _settings = settings;
        _reporter = reporter;
        Scanner = scanner;
    }

    /// <summary>The graph.</summary>
    public BuildGraph Graph { get; }

    /// <summary>Where the project's files are read and written.</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>The include scanner, kept with the project unless the settings release it after loading.</summary>
    public CIncludeScanner? Scanner { get; private set; }

    /// <summary>What loading the database found (Ok, Missing, Damaged).</summary>
    public CheckedFileStatus DatabaseStatus { get; private set; }

    /// <summary>What loading the dependency log found; null when it was not used (<c>--no-deps-log</c>, or the exact scan mode).</summary>
    public CheckedFileStatus? DependencyLogStatus { get; private set; }

    /// <summary>With the dependency log: files whose includes came from the log without being read.</summary>
    public int FilesFromDependencyLog { get; private set; }

    /// <summary>With the dependency log: files read and parsed because their stamp changed or the log did not hold them.</summary>
    public int FilesParsed { get; private set; }

    /// <summary>Time to read the manifest.</summary>
    public TimeSpan ReadTime { get; private set; }

    /// <summary>Time to scan for implicit dependencies.</summary>
    public TimeSpan ScanTime { get; private set; }

    /// <summary>Time to read the signature database.</summary>
    public TimeSpan DatabaseTime { get; private set; }

    /// <summary>Bytes each loading phase allocated (garbage included).</summary>
    public LoadAllocation LoadAllocation { get; private set; }

    /// <summary>Opens the project in a directory holding <c>toolkit.manifest</c>.</summary>
    public static Project Open(string directory, EngineSettings settings, IBuildReporter reporter) => Open(directory, settings, reporter, null);

    /// <summary>
    /// Opens the project in a directory holding <c>toolkit.manifest</c>, calling <paramref name="phaseDone"/>
    /// with the graph after each loading phase (for <c>--debug=memory</c> and the heap monitor).
    /// </summary>
    public static Project Open(string directory, EngineSettings settings, IBuildReporter reporter, Action<LoadPhase, BuildGraph>? phaseDone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manifest = ManifestPath(directory);
        var allocated = LoadAllocation.Now();
        var clock = Stopwatch.StartNew();
        var manifestHash = settings.BuildImage ? HashManifest(manifest) : null; // before the read: an edit after it is an edit the image misses
        var graph = GraphLoader.LoadFile(manifest, (root, environments) => new BuildGraph(settings.StoreFactory(root), environments, root, manifest));
        var project = Complete(graph, new DiskFileSystem(graph.RootDirectory), settings, reporter, phaseDone, clock, allocated);
        project._manifestHash = string.Equals(Path.GetDirectoryName(manifest), graph.RootDirectory, StringComparison.Ordinal) ? manifestHash : null; // a root moved away: no image
        return project;
    }

    /// <summary>As <see cref="Open(TextReader, string, IFileSystem, string, EngineSettings, IBuildReporter)"/> from the manifest's text, which also lets the project keep a build image (its hash is known).</summary>
    public static Project OpenText(string manifest, string manifestName, IFileSystem fileSystem, string root, EngineSettings settings, IBuildReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var project = Open(new StringReader(manifest), manifestName, fileSystem, root, settings, reporter, null);
        project._manifestHash = settings.BuildImage ? BuildImage.HashText(manifest) : null;
        return project;
    }

    /// <summary>The hash of a manifest file's bytes the build image keeps (BuildImage.HashFile).</summary>
    public static byte[] HashManifest(string manifestPath)
    {
        var hash = new byte[BuildImage.HashBytes];
        BuildImage.HashFile(new DiskFileSystem(Path.GetDirectoryName(manifestPath) ?? "."), Path.GetFileName(manifestPath), hash);
        return hash;
    }

    /// <summary>Opens a project from manifest text over any file system (tests use <see cref="MemoryFileSystem"/>).</summary>
    public static Project Open(TextReader manifest, string manifestName, IFileSystem fileSystem, string root, EngineSettings settings, IBuildReporter reporter) =>
        Open(manifest, manifestName, fileSystem, root, settings, reporter, null);

    /// <summary>
    /// As <see cref="Open(TextReader, string, IFileSystem, string, EngineSettings, IBuildReporter)"/>, calling <paramref name="phaseDone"/>
    /// after each loading phase. <paramref name="root"/> is the manifest's directory; a <c>root</c> statement moves the graph's
    /// root from there, while <paramref name="fileSystem"/> is used as given.
    /// </summary>
    public static Project Open(TextReader manifest, string manifestName, IFileSystem fileSystem, string root, EngineSettings settings, IBuildReporter reporter, Action<LoadPhase, BuildGraph>? phaseDone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var allocated = LoadAllocation.Now();
        var clock = Stopwatch.StartNew();
        var graph = GraphLoader.Load(manifest, manifestName, root, (declared, environments) => new BuildGraph(settings.StoreFactory(declared), environments, declared, manifestName));
        return Complete(graph, fileSystem, settings, reporter, phaseDone, clock, allocated);
    }

    /// <summary>The manifest of a project directory; an error naming the directory when there is none.</summary>
    public static string ManifestPath(string directory)
    {
        var manifest = Path.Join(Path.GetFullPath(directory), ManifestWriter.FileName);
        if (!File.Exists(manifest))
        {
            throw new ProjectException($"no {ManifestWriter.FileName} in '{directory}' (make one with 'toolkit generate' or 'toolkit import-msbuild')");
        }

        return manifest;
    }

    // The allocation counter is read outside the phase callbacks, so what --debug=memory allocates is no phase's.
    private static Project Complete(BuildGraph graph, IFileSystem fileSystem, EngineSettings settings, IBuildReporter reporter, Action<LoadPhase, BuildGraph>? phaseDone, Stopwatch clock, long allocated)
    {
        var readTime = clock.Elapsed;
        var readBytes = LoadAllocation.Now() - allocated;
        phaseDone?.Invoke(LoadPhase.ManifestRead, graph);

        allocated = LoadAllocation.Now();
        clock.Restart();
        if (settings.BuildImage)
        {
            fileSystem = new RecordingFileSystem(fileSystem); // what the decisions rest on, for the image
        }

        var logged = DependencyLogPhase.Start(graph, fileSystem, settings, reporter, out var logStatus);
        var objects = ScanPhase.ObjectsToScan(graph, fileSystem, settings.ScanForDecisionsOnly);
        CIncludeScanner? scanner = null;
        if (objects.Count > 0 || !settings.ScanForDecisionsOnly) // the baseline keeps its scanner even with nothing to scan
        {
            scanner = ScanPhase.CreateScanner(graph, fileSystem, settings, reporter, logged);
            ScanPhase.Run(graph, scanner, objects);
        }

        var kept = settings.ReleaseScannerAfterLoad ? null : scanner;
        scanner = null; // a released scanner is garbage from here: the collection below returns it
        var pendingLog = logged?.Finish();
        CollectBetweenPhases(graph, settings, compactLargeObjects: false);
        graph.Store.CompleteLoad();
        CollectBetweenPhases(graph, settings, compactLargeObjects: true);
        (fileSystem as RecordingFileSystem)?.EndLoad();
        var scanTime = clock.Elapsed;
        var scanBytes = LoadAllocation.Now() - allocated;
        phaseDone?.Invoke(LoadPhase.Scanned, graph);

        allocated = LoadAllocation.Now();
        clock.Restart();
        var project = new Project(graph, fileSystem, settings, reporter, kept)
        {
            ReadTime = readTime,
            ScanTime = scanTime,
            DependencyLogStatus = logStatus,
            FilesFromDependencyLog = logged?.Reused ?? 0,
            FilesParsed = logged?.Parsed ?? 0,
            _pendingDependencyLog = pendingLog,
        };
        project.ApplyDatabase();
        project.DatabaseTime = clock.Elapsed;
        project.LoadAllocation = new LoadAllocation(readBytes, scanBytes, LoadAllocation.Now() - allocated);
        return project;
    }

    /// <summary>
    /// The fewest nodes for which <see cref="EngineSettings.CollectBetweenPhases"/> collects: below it a phase leaves well under
    /// a megabyte of garbage, and a full collection of the process's heap costs more than it returns when the process is
    /// a host holding much more than the graph (a test runner opening hundreds of small projects). A generated project of
    /// 10k sources has ~21k nodes.
    /// </summary>
    private const int CollectMinNodes = 20_000;

    // EngineSettings.CollectBetweenPhases: a phase's garbage returned before the next phase allocates (measured there).
    private static void CollectBetweenPhases(BuildGraph graph, EngineSettings settings, bool compactLargeObjects)
    {
        if (!settings.CollectBetweenPhases || graph.Store.Count < CollectMinNodes)
        {
            return;
        }

        if (compactLargeObjects)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>The node for a target path or alias name; an unknown name is an error naming it.</summary>
    public int ResolveTarget(string name)
    {
        var id = Graph.Store.FindNode(name.TrimEnd('/'));
        if (id < 0)
        {
            throw new ProjectException($"no target or alias named '{name}' in {Graph.ManifestPath}");
        }

        return id;
    }

    /// <summary>
    /// The executor a build of this project uses: the real tools when asked (<c>--real-tools</c>) or when
    /// the manifest prefers them (<c>TOOLKIT_TOOLS = real</c>), the built-in deterministic tool otherwise.
    /// </summary>
    /// <remarks><paramref name="cancellation"/> stops the real tools' running commands (an interrupted build ends them).</remarks>
    public IActionExecutor CreateExecutor(bool realTools = false, CancellationToken cancellation = default) =>
        realTools || Graph.PrefersRealTools ? new ProcessExecutor(Graph.RootDirectory, cancellation) : new BuiltinToolExecutor();

    /// <summary>
    /// Builds the named targets (the defaults when none), then saves the signature database unless -n.
    /// On disk the project's lock is held throughout (<see cref="ProjectLock"/>); after a build that died
    /// holding it, stale temporary files are removed first, and a database another build saved since
    /// this project was opened is applied again.
    /// </summary>
    public BuildResult Build(IReadOnlyList<int>? targets, BuildOptions options, IActionExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(options);
        BuildPlan? plan = BuildPlan.Create(Graph, targets is { Count: > 0 } ? targets : Graph.DefaultTargets);
        using var held = Lock("toolkit build", options.WaitForLock, options.Cancellation);
        if (held?.PreviousHolderDied == true)
        {
            RemoveStaleTemporaryFiles(Graph, FileSystem);
        }

        if (FileSystem.Stat(DatabaseFileName) != _databaseStamp)
        {
            ApplyDatabase(); // another build saved while this one waited for the lock
        }

        var keepsImage = _settings.BuildImage && !options.DryRun;
        if (keepsImage)
        {
            RecordingFileSystem.Unwrap(FileSystem).Delete(BuildImage.FileName); // stale from here on, whatever this build does
        }

        // The log records what the files say at the stamps the scan saw, whatever the build does: written before
        // the build, so the encoded log is not held through it (a dry run drops it).
        SaveDependencyLog(write: !options.DryRun);
        BuildResult result;
        try
        {
            result = Scheduler.Run(Graph, plan, options, _settings.Hasher, executor, FileSystem, _reporter);
            plan = null; // garbage from here: the collection before the save returns it
        }
        catch
        {
            if (!options.DryRun)
            {
                TrySaveDatabase(); // what finished is kept, but a failing save must not hide the real error
            }

            throw;
        }

        if (!options.DryRun)
        {
            CollectBetweenPhases(Graph, _settings, compactLargeObjects: true);
            SaveDatabaseOrFail();
        }

        if (keepsImage && targets is not { Count: > 0 })
        {
            SaveImage(result);
        }

        return result;
    }

    /// <summary>
    /// Removes every file a build statement writes (targets and side effects), the engine's temporary
    /// files, the signature database and the dependency log, as <c>scons -c</c>; returns how many built files were removed.
    /// </summary>
    public int Clean()
    {
        using var held = Lock("toolkit clean", wait: false, CancellationToken.None);
        return CleanOutputs(Graph, FileSystem);
    }

    /// <summary>
    /// Cleans the project in a directory from its manifest alone: no scan and no database are read
    /// (headers the scanner would find are never outputs), so cleaning costs a read of the manifest.
    /// </summary>
    public static int Clean(string directory)
    {
        var manifest = ManifestPath(directory);
        var graph = GraphLoader.LoadFile(manifest, (root, environments) => new BuildGraph(EngineSettings.Baseline.StoreFactory(root), environments, root, manifest));
        var fileSystem = new DiskFileSystem(graph.RootDirectory);
        using var held = ProjectLock.Acquire(graph.RootDirectory, "toolkit clean", wait: false, waiting: null, CancellationToken.None);
        return CleanOutputs(graph, fileSystem);
    }

    /// <summary>
    /// Writes what the build learnt, and what it did not revisit, to the signature database, encoded straight from
    /// the store (<see cref="StoreDatabaseEncoder"/>: no string or dictionary entry per node) in parts: once to hash, and,
    /// only when that differs, again into the file (<see cref="CheckedFileWriter"/>), never whole in memory. When the payload is the
    /// one this project applied and the file was not replaced since (a null build), the file is left as it is, byte
    /// for byte and unwritten; returns whether it was written.
    /// </summary>
    public bool SaveDatabase()
    {
        var encoder = StoreDatabaseEncoder.Prepare(Graph.Store, SavedInfo);
        var hasher = new System.IO.Hashing.XxHash128();
        var length = CheckedFileWriter.Measure(sink => encoder.Encode(part =>
        {
            hasher.Append(part);
            sink(part);
        }));
        var hash = hasher.GetCurrentHash();
        if (_databaseHash is { } applied && hash.AsSpan().SequenceEqual(applied) && FileSystem.Stat(DatabaseFileName) == _databaseStamp)
        {
            return false;
        }

        CheckedFileWriter.Write(FileSystem, DatabaseFileName, SignatureDatabase.Magic, SignatureDatabase.FormatVersion, length, encoder.Encode);
        _databaseStamp = FileSystem.Stat(DatabaseFileName);
        _databaseHash = hash;
        return true;
    }

    // What the database keeps of a node: the info this build found, else the one the last build stored; None for
    // directories, aliases and a failed target (its record is dropped: the next build must run it again).
    private NodeInfo SavedInfo(int node)
    {
        var store = Graph.Store;
        if (store.GetKind(node) is NodeKind.Directory or NodeKind.Alias || store.GetState(node) == NodeState.Failed)
        {
            return NodeInfo.None;
        }

        var info = store.GetInfo(node);
        return info.IsNone ? store.GetStoredInfo(node) : info;
    }

    private static int CleanOutputs(BuildGraph graph, IFileSystem fileSystem)
    {
        var store = graph.Store;
        var removed = 0;
        for (var node = 0; node < store.Count; node++)
        {
            var isOutput = store.GetExecutor(node) >= 0 || store.GetKind(node) == NodeKind.DerivedFile;
            var path = store.GetPath(node);
            if (isOutput && fileSystem.Stat(path).Exists)
            {
                fileSystem.Delete(path);
                removed++;
            }
        }

        RemoveStaleTemporaryFiles(graph, fileSystem);
        fileSystem.Delete(DatabaseFileName);
        fileSystem.Delete(DependencyLog.FileName);
        fileSystem.Delete(BuildImage.FileName);
        return removed;
    }

    /// <summary>Removes the temporary files a killed build left in the root and in every directory that holds an output.</summary>
    private static void RemoveStaleTemporaryFiles(BuildGraph graph, IFileSystem fileSystem)
    {
        var store = graph.Store;
        var seen = new bool[store.Count];
        fileSystem.RemoveStaleTemporaryFiles(".");
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetExecutor(node) < 0 && store.GetKind(node) != NodeKind.DerivedFile)
            {
                continue;
            }

            var directory = store.GetDirectory(node);
            if (directory >= 0 && !seen[directory])
            {
                seen[directory] = true;
                fileSystem.RemoveStaleTemporaryFiles(store.GetPath(directory));
            }
        }
    }

    /// <summary>The project's lock on disk; null for a project on another file system (tests in memory).</summary>
    private ProjectLock? Lock(string what, bool wait, CancellationToken cancellation) =>
        RecordingFileSystem.Unwrap(FileSystem) is DiskFileSystem disk ? ProjectLock.Acquire(disk.Root, what, wait, _reporter.Warning, cancellation) : null;

    /// <summary>Writes the dependency log this open's scan left, if it changed, or with <paramref name="write"/> false (-n) drops it; never twice.</summary>
    private void SaveDependencyLog(bool write)
    {
        if (_pendingDependencyLog is not { } payload)
        {
            return;
        }

        _pendingDependencyLog = null;
        if (write)
        {
            DependencyLogPhase.Save(FileSystem, payload, _reporter);
        }
        else
        {
            payload.Dispose();
        }
    }

    /// <summary>
    /// After a build of the defaults that finished whole (nothing failed or was skipped, not interrupted), writes the build
    /// image of what it saw, as the next null build will see it: every file it wrote was stat'ed after its command ran
    /// (<see cref="Decider.RecordBuilt"/>, the stamp the database keeps), and the image reports what that build would,
    /// every node up to date. None when the build wrote a file the load looked at (a generated header the scan searched
    /// for or read: the next load scans it anew); a failed write is a warning (the image is a cache).
    /// </summary>
    private void SaveImage(BuildResult result)
    {
        var whole = result is { Failed: 0, Skipped: 0, Interrupted: false };
        if (!whole || _manifestHash is null || FileSystem is not RecordingFileSystem { WroteLoadedFile: false } recorder
            || (_settings.ScanMode ?? ScanPhase.ModeOf(Graph)) != ScanMode.Conservative || (result.Executed > 0 && RanOverLoadedFile(recorder)))
        {
            return; // the exact scan asks the compiler, outside the file system: nothing to record it by
        }

        result = result with { Executed = 0, UpToDate = result.UpToDate + result.Executed };
        try
        {
            BuildImage.Write(recorder, _manifestHash, _settings, result);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _reporter.Warning($"could not save the build image {BuildImage.FileName}: {exception.Message} (the next null build loads the project)");
        }
    }

    // Whether an action that ran wrote over a file the load probed (the real tools write outside this file system).
    private bool RanOverLoadedFile(RecordingFileSystem recorder)
    {
        var store = Graph.Store;
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetState(node) == NodeState.Executed && recorder.SeenWhileLoading(store.GetPath(node)))
            {
                return true;
            }
        }

        return false;
    }

    private void SaveDatabaseOrFail()
    {
        try
        {
            SaveDatabase();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ProjectException($"could not save the signature database {DatabaseFileName} in {Graph.RootDirectory}: {exception.Message} (the next build runs again what this one ran)", exception);
        }
    }

    private void TrySaveDatabase()
    {
        try
        {
            SaveDatabase();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _reporter.Warning($"could not save the signature database {DatabaseFileName}: {exception.Message}");
        }
    }

    // Straight into the store: no string per entry and none per node (SignatureDatabase.ApplyTo).
    private void ApplyDatabase()
    {
        _databaseStamp = FileSystem.Stat(DatabaseFileName);
        var (status, warning) = SignatureDatabase.ApplyTo(FileSystem, DatabaseFileName, Graph.Store, clearOthers: _databaseApplied, out _databaseHash);
        DatabaseStatus = status;
        if (status == CheckedFileStatus.Damaged)
        {
            _reporter.Warning(warning ?? $"{DatabaseFileName} is damaged; rebuilding everything");
            return;
        }

        _databaseApplied |= status == CheckedFileStatus.Ok;
    }
}
