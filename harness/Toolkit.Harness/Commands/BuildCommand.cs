using System.CommandLine;
using Toolkit.Engine.Build;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit build DIR [TARGET...]</c>: reads DIR/toolkit.manifest and builds.</summary>
public static class BuildCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "build";

    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variants)
    {
        var directory = UserPaths.ProjectArgument();
        var targets = new Argument<string[]>("targets") { Description = "Targets or aliases to build (default: the manifest's defaults)", Arity = ArgumentArity.ZeroOrMore };
        var jobs = CommonOptions.Jobs();
        var dryRun = CommonOptions.DryRun("Print what would run; change nothing");
        var keepGoing = CommonOptions.KeepGoing();
        var tree = new Option<string?>("--tree") { Description = "After the build, print the dependency tree: all, or prune (each subtree once)" };
        tree.AcceptOnlyFromAmong("all", "prune");
        var wait = new Option<bool>("--wait") { Description = "When another build of the project is running, wait for it to finish instead of failing" };
        var realTools = new Option<bool>("--real-tools") { Description = "Run the real commands (cc, ar) instead of the built-in deterministic tool" };
        var silent = new Option<bool>("--silent", "-s") { Description = "Do not print command lines" };
        var scanMode = new Option<string?>("--scan-mode") { Description = "The include scanner: conservative (every #if branch counts, as SCons) or exact (the preprocessor evaluated as the compiler does); default: the manifest's TOOLKIT_SCAN, else conservative" };
        scanMode.AcceptOnlyFromAmong("conservative", "exact");
        var variant = new Option<string>("--variant") { Description = $"The memory variant: {string.Join(", ", variants.Names)}", DefaultValueFactory = _ => "baseline" };
        variant.Validators.Add(VariantValidator(variants));

        var debug = new Option<string[]>("--debug") { Description = "Debug output, comma-separated or repeated: count (instances and sizes per engine type at the end), memory (after read, scan and build: the live managed heap after a full collection as tracked engine types + the tracker + other, and RSS)", AllowMultipleArgumentsPerToken = false };
        var track = new Option<string[]>("--track") { Description = "Engine types to track in detail (comma-separated, e.g. BaselineNode,BaselineNodeInfo); default with --stats: every engine type found" };
        var snapshotEvery = new Option<string?>("--snapshot-every") { Description = "Take an incremental tracker snapshot this often during the build (e.g. 500ms, 2s): only instances changed since the last are sized again; needs --stats" };
        var stats = new Option<FileInfo?>("--stats") { Description = "Write the heap monitor's stats: FILE.html (report page) or FILE.json (TrackerStats, for later analysis)" };
        var heapSnapshot = new Option<FileInfo?>("--heap-snapshot") { Description = "At the end of the build, with the graph alive, capture this process's managed heap to FILE (analyse with toolkit heap)" };
        var coreDump = new Option<FileInfo?>("--core-dump") { Description = "At the end of the build, with the graph alive, write a core dump of this process to FILE (createdump --withheap; readable by its owner only)" };
        var noStrings = new Option<bool>("--no-string-contents") { Description = "With --heap-snapshot: record string lengths only, not their contents" };
        var expectDead = new Option<string[]>("--expect-dead-after") { Description = "Phases, comma-separated or repeated (read, scan, build): the engine objects the project held at the end of each and no longer holds at the end of the run must be dead; after a full collection, survivors are printed with their retention paths (from a heap snapshot of this process)" };

        var command = new Command(Name, "Build a project: scan, decide from signatures, run what is out of date")
        {
            directory, targets, jobs, dryRun, keepGoing, wait, tree, realTools, silent, scanMode, variant, debug, track, snapshotEvery, stats, heapSnapshot, noStrings, coreDump, expectDead,
        };
        command.SetAction((parse, cancellation) =>
        {
            var root = UserPaths.RequireProject(parse.GetRequiredValue(directory));
            foreach (var (option, file) in new[] { ("--stats", parse.GetValue(stats)), ("--heap-snapshot", parse.GetValue(heapSnapshot)), ("--core-dump", parse.GetValue(coreDump)) })
            {
                UserPaths.RequireParentDirectory(file, option);
            }

            var jobCount = JobsParser.Cap(parse.GetValue(jobs));
            using var signals = new InterruptSignals(cancellation);
            var chosen = variants.Get(parse.GetValue(variant) ?? "baseline");
            using var introspection = StartIntrospection(IntrospectionOptions(chosen.Name, parse, debug, track, snapshotEvery, stats, heapSnapshot, noStrings, coreDump) with { ExpectDeadAfter = Split(parse.GetValue(expectDead)) });
            var reporter = new ConsoleBuildReporter(parse.GetValue(silent));
            var settings = chosen.CreateSettings();
            if (parse.GetValue(scanMode) is { } chosenScan)
            {
                settings = settings.WithScanMode(chosenScan == "exact" ? Toolkit.Engine.Scanning.ScanMode.Exact : Toolkit.Engine.Scanning.ScanMode.Conservative);
            }

            var project = Output.WithProgress("loading", _ => UserPaths.Io(root, () => Project.Open(root, settings, reporter, introspection.OnPhase)));
            var ids = (parse.GetValue(targets) ?? []).Select(target => ResolveTarget(project, target)).ToList();
            var options = new BuildOptions
            {
                Jobs = jobCount,
                DryRun = parse.GetValue(dryRun),
                KeepGoing = parse.GetValue(keepGoing),
                WaitForLock = parse.GetValue(wait),
                Cancellation = signals.Token,
            };
            BuildResult result;
            try
            {
                result = Output.WithProgress("building", progress =>
                {
                    reporter.OnProgress = progress;
                    // The executor lives in this call only, so what it holds is dropped when the build ends (--expect-dead-after build).
                    return project.Build(ids, options, introspection.Building(project.CreateExecutor(parse.GetValue(realTools), signals.Token)));
                });
            }
            catch (OperationCanceledException)
            {
                Output.Error($"interrupted by {signals.Name} while waiting for the project's lock; nothing was built");
                return Task.FromResult(signals.ExitCode);
            }

            if (result.Interrupted)
            {
                Output.Line(Summary(result, options.DryRun));
                Output.Error($"interrupted by {signals.Name}: {result.Executed} actions ran{(options.DryRun ? string.Empty : " and are saved in " + Project.DatabaseFileName)}, {result.Skipped} were not started; the next build runs the rest");
                return Task.FromResult(signals.ExitCode);
            }

            if (parse.GetValue(tree) is { } mode)
            {
                TreePrinter.Write(Console.Out, project.Graph, ids.Count > 0 ? ids : project.Graph.DefaultTargets, prune: mode == "prune");
            }

            Output.Line(Summary(result, options.DryRun));
            UserPaths.Io("--stats/--heap-snapshot/--core-dump", () => introspection.AfterBuild(project));
            return Task.FromResult(result.ExitCode);
        });
        return command.WithExamples(
            "toolkit build /tmp/p10k -j 2",
            "toolkit build /tmp/p10k bin/app -n --tree=prune",
            "toolkit build /tmp/p10k --variant interning --debug=count,memory",
            "toolkit build /tmp/p10k --expect-dead-after scan,build");
    }

    /// <summary>The <c>--variant</c> value must be a name in <paramref name="variants"/> (an error at parse time, before the project is read).</summary>
    public static Action<System.CommandLine.Parsing.OptionResult> VariantValidator(VariantFactory variants) => result =>
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Tokens.Count > 0 && variants.FindUnknown([result.Tokens[^1].Value]) is { } unknown)
        {
            result.AddError("--variant: " + unknown);
        }
    };

    /// <summary>The engine's tracker names an unknown --track type in an ArgumentException: the user's error.</summary>
    private static BuildIntrospection StartIntrospection(BuildIntrospectionOptions options)
    {
        try
        {
            return new BuildIntrospection(options);
        }
        catch (ArgumentException exception) when (exception.Message.StartsWith("--track:", StringComparison.Ordinal) || exception.Message.StartsWith("--expect-dead-after:", StringComparison.Ordinal))
        {
            throw UsageException.From(exception);
        }
    }

    private static int ResolveTarget(Project project, string target)
    {
        try
        {
            return project.ResolveTarget(target);
        }
        catch (ProjectException exception) when (target.StartsWith('-'))
        {
            // Documented: an unknown name is an error naming it (a ProjectException). A name like --bogus was an option meant.
            throw new UsageException($"'{target}' is neither an option of build nor a target of {project.Graph.ManifestPath} (see 'toolkit build --help')", exception);
        }
    }

    private static BuildIntrospectionOptions IntrospectionOptions(
        string variant, ParseResult parse, Option<string[]> debug, Option<string[]> track, Option<string?> snapshotEvery, Option<FileInfo?> stats, Option<FileInfo?> heapSnapshot, Option<bool> noStrings, Option<FileInfo?> coreDump)
    {
        var flags = Split(parse.GetValue(debug));
        foreach (var flag in flags.Where(f => f is not ("count" or "memory")))
        {
            throw new UsageException($"--debug={flag}: unknown; valid: count, memory");
        }

        return new BuildIntrospectionOptions
        {
            Variant = variant,
            Count = flags.Contains("count"),
            Memory = flags.Contains("memory"),
            TrackTypes = Split(parse.GetValue(track)),
            SnapshotEvery = parse.GetValue(snapshotEvery) is { } every ? DurationParser.Parse(every, "--snapshot-every") : null,
            StatsPath = OutputFileCheck.Check(parse.GetValue(stats)?.FullName, "--stats"),
            HeapSnapshotPath = OutputFileCheck.Check(parse.GetValue(heapSnapshot)?.FullName, "--heap-snapshot"),
            NoStringContents = parse.GetValue(noStrings),
            CoreDumpPath = OutputFileCheck.Check(parse.GetValue(coreDump)?.FullName, "--core-dump"),
        };
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static string Summary(BuildResult result, bool dryRun)
    {
        var verb = dryRun ? "would run" : "ran";
        var text = $"toolkit: {verb} {result.Executed} actions, {result.UpToDate} up to date, {result.Failed} failed, {result.Skipped} skipped ({result.Considered} nodes, {result.Elapsed.TotalSeconds:0.00} s)";
        return result.Interrupted ? text + "; interrupted" : text;
    }
}
