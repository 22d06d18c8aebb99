using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit build DIR [TARGET...]</c>: reads DIR/toolkit.manifest and builds. The verb is the shared
/// <see cref="BuildVerb"/> (the lean engine executable toolkit-build runs the same); this class adds the
/// toolkit's introspection options (--debug, --track, --snapshot-every, --stats, --heap-snapshot,
/// --no-string-contents, --core-dump), which need ClrMD and reflection and so stay out of toolkit-build.
/// </summary>
public sealed class BuildCommand : IBuildVerbExtension
{
    /// <summary>The verb's name.</summary>
    public const string Name = BuildVerb.Name;

    private readonly Option<string[]> _debug = new("--debug") { Description = "Debug output, comma-separated or repeated: count (instances and sizes per engine type at the end), memory (after read, scan and build: the live managed heap after a full collection as tracked engine types + the tracker + other, and RSS)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _track = new("--track") { Description = "Engine types to track in detail (comma-separated, e.g. BaselineNode,BaselineNodeInfo); default with --stats: every engine type found" };
    private readonly Option<string?> _snapshotEvery = new("--snapshot-every") { Description = "Take an incremental tracker snapshot this often during the build (e.g. 500ms, 2s): only instances changed since the last are sized again; needs --stats" };
    private readonly Option<FileInfo?> _stats = new("--stats") { Description = "Write the heap monitor's stats: FILE.html (report page) or FILE.json (TrackerStats, for later analysis)" };
    private readonly Option<FileInfo?> _heapSnapshot = new("--heap-snapshot") { Description = "At the end of the build, with the graph alive, capture this process's managed heap to FILE (analyse with toolkit heap)" };
    private readonly Option<FileInfo?> _coreDump = new("--core-dump") { Description = "At the end of the build, with the graph alive, write a core dump of this process to FILE (createdump --withheap; readable by its owner only)" };
    private readonly Option<bool> _noStrings = new("--no-string-contents") { Description = "With --heap-snapshot: record string lengths only, not their contents" };
    private readonly Option<string[]> _expectDead = new("--expect-dead-after") { Description = "Phases, comma-separated or repeated (read, scan, build): the engine objects the project held at the end of each and no longer holds at the end of the run must be dead; after a full collection, survivors are printed with their retention paths (from a heap snapshot of this process)" };

    private BuildCommand()
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<Option> Options => [_debug, _track, _snapshotEvery, _stats, _heapSnapshot, _noStrings, _coreDump, _expectDead];

    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variants) =>
        BuildVerb.Create(variants, new BuildCommand()).WithExamples(
            "toolkit build /tmp/p10k -j 2",
            "toolkit build /tmp/p10k bin/app -n --tree=prune",
            "toolkit build /tmp/p10k --variant interning --debug=count,memory",
            "toolkit build /tmp/p10k --expect-dead-after scan,build");

    /// <summary>The <c>--variant</c> value must be a name in <paramref name="variants"/> (<see cref="BuildVerb.VariantValidator"/>).</summary>
    public static Action<System.CommandLine.Parsing.OptionResult> VariantValidator(VariantFactory variants) => BuildVerb.VariantValidator(variants);

    /// <inheritdoc />
    public void Check(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        foreach (var (option, file) in new[] { ("--stats", parse.GetValue(_stats)), ("--heap-snapshot", parse.GetValue(_heapSnapshot)), ("--core-dump", parse.GetValue(_coreDump)) })
        {
            UserPaths.RequireParentDirectory(file, option);
        }
    }

    /// <inheritdoc />
    public IBuildObserver Start(string variant, ParseResult parse)
    {
        try
        {
            return new BuildIntrospection(IntrospectionOptions(variant, parse));
        }
        catch (ArgumentException exception) when (exception.Message.StartsWith("--track:", StringComparison.Ordinal) || exception.Message.StartsWith("--expect-dead-after:", StringComparison.Ordinal))
        {
            // The engine's tracker names an unknown --track type in an ArgumentException: the user's error.
            throw UsageException.From(exception);
        }
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private BuildIntrospectionOptions IntrospectionOptions(string variant, ParseResult parse)
    {
        var flags = Split(parse.GetValue(_debug));
        foreach (var flag in flags.Where(f => f is not ("count" or "memory")))
        {
            throw new UsageException($"--debug={flag}: unknown; valid: count, memory");
        }

        return new BuildIntrospectionOptions
        {
            Variant = variant,
            Count = flags.Contains("count"),
            Memory = flags.Contains("memory"),
            TrackTypes = Split(parse.GetValue(_track)),
            SnapshotEvery = parse.GetValue(_snapshotEvery) is { } every ? DurationParser.Parse(every, "--snapshot-every") : null,
            StatsPath = OutputFileCheck.Check(parse.GetValue(_stats)?.FullName, "--stats"),
            HeapSnapshotPath = OutputFileCheck.Check(parse.GetValue(_heapSnapshot)?.FullName, "--heap-snapshot"),
            NoStringContents = parse.GetValue(_noStrings),
            CoreDumpPath = OutputFileCheck.Check(parse.GetValue(_coreDump)?.FullName, "--core-dump"),
            ExpectDeadAfter = Split(parse.GetValue(_expectDead)),
        };
    }
}
