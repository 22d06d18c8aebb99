using System.Runtime.InteropServices;
using Toolkit.Engine.Environments;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Build;

/// <summary>
/// Finds the implicit dependencies of every object: scans its source with the include scanner
/// (in parallel; the scanner is thread-safe and caches per file) with the preprocessing flags of the
/// object's command line (<c>$CCCOM</c> substituted in its environment, so CPPPATH, CPPDEFINES and any
/// <c>-I</c>/<c>-D</c> in CFLAGS count), adds a header node for each header found, and records the
/// headers as the object's implicit dependencies. Runs as part of loading, before the store is completed.
/// <para>An include resolves to a node the build writes (a <c>Copy</c> or <c>Command</c> output, a side
/// effect) whether or not the file exists yet, so a generated header is built before the objects that
/// include it and its content signature is part of theirs. A header outside the project root is a
/// node too, named by its absolute path (see <see cref="ScanPaths"/>), with no directory node and the
/// kind <see cref="NodeKind.Header"/>: never an output, so <c>clean</c> and output checks never touch it.</para>
/// </summary>
public static class ScanPhase
{
    /// <summary>The manifest variable that chooses the scan mode: <c>TOOLKIT_SCAN = conservative</c> (the default) or <c>exact</c>.</summary>
    public const string ModeVariable = "TOOLKIT_SCAN";

    /// <summary>
    /// Objects scanned per batch: the headers of one batch are held (in a list per scanning thread) until they are
    /// mapped to node ids, so the batch bounds that transient memory while staying large enough to keep both
    /// cores busy. At 2,048 the lists of a thread stay a few thousand entries long, reused by every batch, where an
    /// array per source cost ~45 bytes per node at 10k sources.
    /// </summary>
    private const int BatchSize = 2048;

    /// <summary>
    /// The scanner for <paramref name="graph"/>: its mode from <paramref name="settings"/> (a <c>--scan-mode</c>)
    /// or else the manifest's <see cref="ModeVariable"/>, files named against the graph's root, the nodes the
    /// build writes treated as present, warnings to <paramref name="reporter"/>, parses cached in <paramref name="cache"/>
    /// (null: a new one from the settings' factory).
    /// </summary>
    public static CIncludeScanner CreateScanner(BuildGraph graph, IFileSystem fileSystem, EngineSettings settings, IBuildReporter reporter, IScanCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reporter);
        var outputs = BuildOutputs(graph.Store);
        var options = new ScanOptions
        {
            Mode = settings.ScanMode ?? ModeOf(graph),
            RootDirectory = Path.IsPathRooted(graph.RootDirectory) ? graph.RootDirectory : null,
            IsBuildOutput = outputs.Count == 0 ? null : outputs.Contains,
            CompilerProbe = settings.CompilerProbe,
            Warning = message => reporter.Warning("scan: " + message),
            ExpectedFiles = ExpectedFiles(graph.Store),
        };
        return new CIncludeScanner(fileSystem, cache ?? settings.ScanCacheFactory(), options);
    }

    /// <summary>The mode the manifest asks for; an unknown value is an error naming the variable and the manifest.</summary>
    public static ScanMode ModeOf(BuildGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.Environments.Global.TryGetValue(ModeVariable, out var value))
        {
            return ScanMode.Conservative;
        }

        return value.Trim() switch
        {
            "conservative" or "" => ScanMode.Conservative,
            "exact" => ScanMode.Exact,
            _ => throw new ScanConfigurationException($"{graph.ManifestPath}: {ModeVariable} = '{value}': expected 'conservative' or 'exact'"),
        };
    }

    /// <summary>
    /// The Object targets (with their executor) whose sources a scan reads: all of them, or, when the open serves
    /// only a build's decisions (<see cref="EngineSettings.ScanForDecisionsOnly"/>), those whose statement's targets
    /// all exist. A statement with a missing target runs whatever its headers hold (<see cref="Decider"/>), so its
    /// implicit dependencies change no decision; they can change the order only when an include names a file the
    /// build writes (a generated header is built before the objects that include it), so a graph with such outputs
    /// is scanned whole. Costs one stat per object target (the decider stats them again).
    /// </summary>
    public static List<(int Target, int Executor)> ObjectsToScan(BuildGraph graph, IFileSystem fileSystem, bool decisionsOnly)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(fileSystem);
        var store = graph.Store;
        var objects = new List<(int Target, int Executor)>(CountObjects(store, null)); // its final size: no doubling copies
        CountObjects(store, objects);
        if (!decisionsOnly || objects.Count == 0 || BuildOutputs(store).Count > 0)
        {
            return objects;
        }

        var targets = new int[1];
        byte[] path = [];
        objects.RemoveAll(each =>
        {
            var count = store.TargetCount(each.Executor);
            if (targets.Length < count)
            {
                targets = new int[count];
            }

            store.CopyTargets(each.Executor, targets.AsSpan(0, count));
            foreach (var target in targets.AsSpan(0, count))
            {
                if (!Exists(store, fileSystem, target, ref path))
                {
                    return true;
                }
            }

            return false;
        });
        return objects;
    }

    // Stats a node's file through its UTF-8 path (no string per node: the disk stats the bytes as they are).
    private static bool Exists(NodeStore store, IFileSystem fileSystem, int node, ref byte[] path) =>
        fileSystem.StatUtf8(store.PathUtf8(node, ref path)).Exists;

    /// <summary>Scans <paramref name="objects"/> (from <see cref="ObjectsToScan"/>); returns how many sources were scanned.</summary>
    public static int Run(BuildGraph graph, CIncludeScanner scanner, List<(int Target, int Executor)> objects, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(objects);
        var store = graph.Store;

        var flagsByEnvironment = new Dictionary<int, CompilerFlags>();
        var capacity = Math.Min(BatchSize, objects.Count);
        var results = new (List<string> Headers, int Start, int Count)[capacity];
        var sources = new string[capacity];
        var flags = new CompilerFlags[capacity];
        using var headerLists = new ThreadLocal<List<string>>(() => [], trackAllValues: true);
        var ids = new List<int>();
        var source = new int[1];
        var targets = new int[1];
        for (var start = 0; start < objects.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, objects.Count - start);
            for (var i = 0; i < count; i++)
            {
                var (target, executor) = objects[start + i];
                var environment = store.GetEnvironment(executor);
                if (!flagsByEnvironment.TryGetValue(environment, out var environmentFlags))
                {
                    environmentFlags = FlagsOf(graph, graph.Environments[environment], scanner);
                    flagsByEnvironment.Add(environment, environmentFlags);
                }

                store.CopyEdges(target, EdgeKind.Sources, source);
                sources[i] = store.GetPath(source[0]);
                flags[i] = environmentFlags;
            }

            ParallelScan.For(count, 0, i =>
            {
                var headers = headerLists.Value!;
                var first = headers.Count;
                scanner.ScanHeaders(sources[i], flags[i], headers); // a source not on disk has no headers yet

                results[i] = (headers, first, headers.Count - first);
            });
            for (var i = 0; i < count; i++)
            {
                ids.Clear();
                var (headers, first, found) = results[i];
                foreach (var header in CollectionsMarshal.AsSpan(headers).Slice(first, found))
                {
                    ids.Add(NodeFor(graph, header));
                }

                var (target, executor) = objects[start + i];
                var targetCount = store.TargetCount(executor);
                if (targets.Length < targetCount)
                {
                    targets = new int[targetCount];
                }

                store.CopyTargets(executor, targets.AsSpan(0, targetCount));
                foreach (var each in targets.AsSpan(0, targetCount))
                {
                    store.SetImplicitEdges(each, CollectionsMarshal.AsSpan(ids));
                }

                results[i] = default;
            }

            foreach (var headers in headerLists.Values)
            {
                headers.Clear();
            }

            progress?.Report(start + count);
        }

        return objects.Count;
    }

    /// <summary>The targets of Object executors with a source, with their executor, added to <paramref name="objects"/> when given; returns how many.</summary>
    private static int CountObjects(NodeStore store, List<(int Target, int Executor)>? objects)
    {
        var count = 0;
        for (var node = 0; node < store.Count; node++)
        {
            var executor = store.GetExecutor(node);
            if (executor >= 0 && store.GetBuilder(executor) == BuilderKind.Object && store.EdgeCount(node, EdgeKind.Sources) > 0)
            {
                objects?.Add((node, executor));
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The preprocessing flags of an environment's compile command: <c>$CCCOM</c> substituted without the
    /// action's paths and read as gcc reads its arguments. A command that cannot be substituted (the build
    /// will report it on the object) is scanned with CPPPATH alone, with a warning that names the manifest
    /// line the failing variable was set on (the environment's own line when it is not set there).
    /// </summary>
    private static CompilerFlags FlagsOf(BuildGraph graph, ConstructionEnvironment environment, CIncludeScanner scanner)
    {
        try
        {
            return CompilerFlags.ParseCommand(CommandLineSplitter.Split(environment.Substitute(ActionPlanner.CommandVariable(BuilderKind.Object))));
        }
        catch (SubstitutionException exception)
        {
            var command = ActionPlanner.CommandVariable(BuilderKind.Object).TrimStart('$');
            var line = exception.Variable is { } variable && environment.LineOf(variable) is > 0 and var set ? set
                : environment.LineOf(command) is > 0 and var commandLine ? commandLine : environment.Line;
            var place = line > 0 ? $"{graph.ManifestPath}:{line}: " : $"{graph.ManifestPath}: ";
            scanner.Options.Warning?.Invoke($"{place}cannot substitute $CCCOM of environment '{environment}' ({exception.Message}); scanning with CPPPATH only");
            return CompilerFlags.FromIncludeDirs(environment.GetList("CPPPATH"));
        }
    }

    /// <summary>The node of a scanned header: inside the root through the graph (with its directory chain), outside it as a header with no directory node.</summary>
    private static int NodeFor(BuildGraph graph, string header)
    {
        if (!ScanPaths.IsOutside(header))
        {
            return graph.GetOrAddFile(header, NodeKind.Header);
        }

        var existing = graph.Store.FindNode(header);
        return existing >= 0 ? existing : graph.Store.AddNode(header, NodeKind.Header, -1);
    }

    /// <summary>
    /// The files a scan of the store's objects is expected to reach, to size the scanner's caches once: the source
    /// files, and a quarter more for the headers they include (a generated c-libraries project has one header per
    /// ten sources; a project with more grows the caches once).
    /// </summary>
    private static int ExpectedFiles(NodeStore store)
    {
        var sources = 0;
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetKind(node) == NodeKind.SourceFile)
            {
                sources++;
            }
        }

        return sources + (sources / 4);
    }

    /// <summary>
    /// The paths of nodes the build writes that an include could name: outputs of Copy and Command
    /// statements and side effects. Objects, libraries and programs are left out (never included), so a
    /// generated project of a million objects pays nothing here.
    /// </summary>
    private static HashSet<string> BuildOutputs(NodeStore store)
    {
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        for (var node = 0; node < store.Count; node++)
        {
            var executor = store.GetExecutor(node);
            var written = executor >= 0
                ? store.GetBuilder(executor) is not (BuilderKind.Object or BuilderKind.Library or BuilderKind.Program)
                : store.GetKind(node) == NodeKind.DerivedFile;
            if (written)
            {
                outputs.Add(store.GetPath(node));
            }
        }

        return outputs;
    }
}
