using System.Diagnostics;
using Toolkit.Engine.Manifest;
using Toolkit.SyntheticProjects.Peers;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Writes a synthetic C project to disk (<c>toolkit generate</c>): sources and headers made with
/// Bogus from the seed, the engine's <c>toolkit.manifest</c>, and a <c>Makefile</c>,
/// <c>build.ninja</c> and <c>SConstruct</c> describing the same graph, plus <c>generated.json</c>.
/// Deterministic: the same options give the same tree, byte for byte. Directories are planned
/// and written in parallel, a batch at a time, while the build descriptions of the previous
/// batch are streamed out; memory stays bounded by the batch, never the whole tree.
/// </summary>
public static class ProjectGenerator
{
    /// <summary>
    /// Size of each <c>--large-files</c> source: 8 MiB, far above the 85,000-byte large-object-heap
    /// threshold, so hashing a whole file at once allocates on the LOH (what chunked hashing avoids).
    /// </summary>
    public const int LargeFileBytes = 8 << 20;

    /// <summary>The listing of what a generation wrote (see <see cref="GeneratedFilesWriter"/>), in the project root.</summary>
    public const string ListingFileName = "generated.files";

    /// <summary>
    /// Bumped whenever the generated tree changes for the same options, so stamps of older trees stop
    /// matching. 2: the manifest ends with 'end' (format version 2) and generated.files lists the tree;
    /// the files themselves are those of version 1, which <see cref="OutputDirectory"/> relies on.
    /// </summary>
    public const int GeneratorVersion = 2;

    /// <summary>
    /// Directories planned and written per batch: enough work to keep every core busy between
    /// batches, while a batch's plans (names and choices of about 6,400 sources) stay a few MB.
    /// </summary>
    private const int BatchDirectories = 64;

    /// <summary>
    /// Workers writing directories: one per core. More (the thread pool grows to dozens when
    /// file writes block) only contend for the cores and for Bogus's Randomizer, which takes a
    /// process-wide lock on every draw.
    /// </summary>
    private static readonly ParallelOptions Workers = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>The build descriptions written into the root, one per sink.</summary>
    private static readonly string[] DescriptionFiles = [ManifestWriter.FileName, MakefileSink.Name, NinjaSink.Name, SConstructSink.Name];

    /// <summary>True when <paramref name="options"/>'s output directory already holds a complete project generated from the same options by this version.</summary>
    public static bool IsUpToDate(GeneratorOptions options)
    {
        options.Validate();
        try
        {
            return GeneratedProjectStamp.Read(Path.GetFullPath(options.OutputDirectory))?.Matches(options) == true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Generates the project. The output directory must be absent, empty, or an earlier generated
    /// project, of which exactly the files listed in its generated.files are deleted first (see
    /// <see cref="OutputDirectory"/>). Throws <see cref="GenerationException"/> for bad options and for
    /// an output directory it refuses to write into; nothing is deleted then. <paramref name="cancellation"/> is heeded
    /// between batches of directories (a batch being written is finished first): it throws
    /// <see cref="OperationCanceledException"/> and leaves the project marked unfinished, so it is generated again, never reused.
    /// </summary>
    public static GenerationResult Generate(GeneratorOptions options, IProgress<GenerationProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var plan = ProjectPlan.Create(options);
        var root = Path.GetFullPath(options.OutputDirectory);
        OutputDirectory.Prepare(root, DescriptionFiles);
        using var listing = new GeneratedFilesWriter(root, DescriptionFiles);
        GeneratedProjectStamp.For(options, complete: false, counts: null).Write(root);

        var counter = new GraphCounter();
        var tally = new Tally();
        IProjectSink[] sinks = [new ManifestSink(root), new MakefileSink(root), new NinjaSink(root), new SConstructSink(root)];
        try
        {
            WriteShared(plan, root, listing, counter, sinks, tally);
            WriteDirectories(plan, root, listing, counter, sinks, tally, progress, cancellation);
            WriteLargeAndProgram(plan, root, listing, counter, sinks, tally);
        }
        finally
        {
            foreach (var sink in sinks)
            {
                sink.Dispose();
            }
        }

        foreach (var sink in sinks)
        {
            tally.Add(1, new FileInfo(Path.Combine(root, sink.FileName)).Length);
        }

        cancellation.ThrowIfCancellationRequested(); // not marked complete once a signal came
        var counts = counter.Counts();
        tally.Add(1, GeneratedProjectStamp.For(options, complete: true, counts).Write(root));
        listing.End();
        tally.Add(1, new FileInfo(Path.Combine(root, GeneratedFilesWriter.FileName)).Length);
        progress?.Report(new GenerationProgress(plan.DirectoryCount, plan.DirectoryCount, tally.Files, tally.Bytes));
        return new GenerationResult(options, counts, tally.Files, tally.Bytes, stopwatch.Elapsed);
    }

    /// <summary>The shared headers, then the head of every build description.</summary>
    private static void WriteShared(ProjectPlan plan, string root, GeneratedFilesWriter listing, GraphCounter counter, IProjectSink[] sinks, Tally tally)
    {
        using var writer = new DirectoryWriter(root);
        listing.Claim(ProjectPlan.SharedDirectory);
        Directory.CreateDirectory(Path.Combine(root, ProjectPlan.SharedDirectory));
        foreach (var header in plan.SharedHeaders)
        {
            writer.Header(header);
        }

        counter.Shared(plan.SharedHeaders);
        listing.Shared(plan.SharedHeaders);
        foreach (var sink in sinks)
        {
            sink.Begin(plan);
        }

        tally.Add(writer.Files, writer.Bytes);
    }

    /// <summary>The library directories, a batch written in parallel while the previous one is described.</summary>
    private static void WriteDirectories(ProjectPlan plan, string root, GeneratedFilesWriter listing, GraphCounter counter, IProjectSink[] sinks, Tally tally, IProgress<GenerationProgress>? progress, CancellationToken cancellation)
    {
        var pending = StartBatch(plan, root, 0, listing);
        for (var first = 0; first < plan.DirectoryCount; first += BatchDirectories)
        {
            var (plans, batchFiles, batchBytes) = pending.GetAwaiter().GetResult(); // no writer runs on after a cancellation
            cancellation.ThrowIfCancellationRequested();
            var next = first + BatchDirectories;
            pending = next < plan.DirectoryCount ? StartBatch(plan, root, next, listing) : pending;
            foreach (var directory in plans)
            {
                Describe(directory, listing, counter, sinks);
            }

            tally.Add(batchFiles, batchBytes);
            progress?.Report(new GenerationProgress(first + plans.Length, plan.DirectoryCount, tally.Files, tally.Bytes));
        }
    }

    /// <summary>The <c>--large-files</c> directory, when asked for, and the program.</summary>
    private static void WriteLargeAndProgram(ProjectPlan plan, string root, GeneratedFilesWriter listing, GraphCounter counter, IProjectSink[] sinks, Tally tally)
    {
        var large = plan.PlanLargeDirectory();
        if (large is not null)
        {
            listing.Claim(large.Name);
            var (largeFiles, largeBytes) = WriteLarge(root, large);
            tally.Add(largeFiles, largeBytes);
            Describe(large, listing, counter, sinks);
        }

        var program = plan.PlanProgram();
        listing.Claim(ProjectPlan.BinDirectory);
        using (var writer = new DirectoryWriter(root))
        {
            Directory.CreateDirectory(Path.Combine(root, ProjectPlan.BinDirectory));
            writer.Main(program);
            tally.Add(writer.Files, writer.Bytes);
        }

        counter.Program(program);
        listing.Program(program);
        foreach (var sink in sinks)
        {
            sink.Program(program);
        }
    }

    /// <summary>A written directory listed, counted and put into every build description.</summary>
    private static void Describe(DirectoryPlan directory, GeneratedFilesWriter listing, GraphCounter counter, IProjectSink[] sinks)
    {
        listing.Directory(directory);
        counter.Directory(directory);
        foreach (var sink in sinks)
        {
            sink.Directory(directory);
        }
    }

    /// <summary>Claims a batch of directories in the listing (before any is created), then plans and writes them in parallel.</summary>
    private static Task<(DirectoryPlan[] Plans, long Files, long Bytes)> StartBatch(ProjectPlan plan, string root, int first, GeneratedFilesWriter listing)
    {
        var count = Math.Min(BatchDirectories, plan.DirectoryCount - first);
        for (var i = 0; i < count; i++)
        {
            listing.Claim(plan.DirectoryName(first + i));
        }

        return Task.Run(() =>
        {
            var plans = new DirectoryPlan[count];
            long files = 0;
            long bytes = 0;
            Parallel.For(
                0,
                plans.Length,
                Workers,
                () => new DirectoryWriter(root),
                (i, _, writer) =>
                {
                    plans[i] = plan.PlanDirectory(first + i);
                    writer.Write(plans[i]);
                    return writer;
                },
                writer =>
                {
                    Interlocked.Add(ref files, writer.Files);
                    Interlocked.Add(ref bytes, writer.Bytes);
                    writer.Dispose();
                });
            return (plans, files, bytes);
        });
    }

    private static (long Files, long Bytes) WriteLarge(string root, DirectoryPlan large)
    {
        Directory.CreateDirectory(Path.Combine(root, large.Name));
        long files = 0;
        long bytes = 0;
        Parallel.For(0, large.Sources.Count, Workers, i =>
        {
            var length = LargeSourceWriter.Write(Path.Combine(root, large.Sources[i].Path), large.Sources[i], new System.Text.StringBuilder());
            Interlocked.Increment(ref files);
            Interlocked.Add(ref bytes, length);
        });
        return (files, bytes);
    }

    /// <summary>Files and bytes written so far.</summary>
    private sealed class Tally
    {
        public long Files { get; private set; }

        public long Bytes { get; private set; }

        public void Add(long files, long bytes)
        {
            Files += files;
            Bytes += bytes;
        }
    }
}
