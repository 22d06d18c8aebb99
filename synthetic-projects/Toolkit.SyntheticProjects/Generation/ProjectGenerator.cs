using System.Diagnostics;
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

    /// <summary>
    /// Bumped whenever the generated tree changes for the same options, so stamps of older trees stop
    /// matching. 2: the manifest ends with 'end' (format version 2).
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
    /// project (one with a readable generated.json), which is replaced. Throws
    /// <see cref="ArgumentException"/> for bad options and <see cref="IOException"/> for an output
    /// directory it refuses to overwrite.
    /// </summary>
    public static GenerationResult Generate(GeneratorOptions options, IProgress<GenerationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var plan = ProjectPlan.Create(options);
        var root = Path.GetFullPath(options.OutputDirectory);
        PrepareOutput(root);
        GeneratedProjectStamp.For(options, complete: false, counts: null).Write(root);

        var counter = new GraphCounter();
        long files = 0;
        long bytes = 0;
        IProjectSink[] sinks = [new ManifestSink(root), new MakefileSink(root), new NinjaSink(root), new SConstructSink(root)];
        try
        {
            using (var writer = new DirectoryWriter(root))
            {
                Directory.CreateDirectory(Path.Combine(root, ProjectPlan.SharedDirectory));
                foreach (var header in plan.SharedHeaders)
                {
                    writer.Header(header);
                }

                counter.Shared(plan.SharedHeaders);
                foreach (var sink in sinks)
                {
                    sink.Begin(plan);
                }

                files += writer.Files;
                bytes += writer.Bytes;
            }

            var pending = StartBatch(plan, root, 0);
            for (var first = 0; first < plan.DirectoryCount; first += BatchDirectories)
            {
                var (plans, batchFiles, batchBytes) = pending.GetAwaiter().GetResult();
                var next = first + BatchDirectories;
                pending = next < plan.DirectoryCount ? StartBatch(plan, root, next) : pending;
                foreach (var directory in plans)
                {
                    counter.Directory(directory);
                    foreach (var sink in sinks)
                    {
                        sink.Directory(directory);
                    }
                }

                files += batchFiles;
                bytes += batchBytes;
                progress?.Report(new GenerationProgress(first + plans.Length, plan.DirectoryCount, files, bytes));
            }

            var large = plan.PlanLargeDirectory();
            if (large is not null)
            {
                var (largeFiles, largeBytes) = WriteLarge(root, large);
                files += largeFiles;
                bytes += largeBytes;
                counter.Directory(large);
                foreach (var sink in sinks)
                {
                    sink.Directory(large);
                }
            }

            var program = plan.PlanProgram();
            using (var writer = new DirectoryWriter(root))
            {
                Directory.CreateDirectory(Path.Combine(root, ProjectPlan.BinDirectory));
                writer.Main(program);
                files += writer.Files;
                bytes += writer.Bytes;
            }

            counter.Program(program);
            foreach (var sink in sinks)
            {
                sink.Program(program);
            }
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
            files++;
            bytes += new FileInfo(Path.Combine(root, sink.FileName)).Length;
        }

        var counts = counter.Counts();
        bytes += GeneratedProjectStamp.For(options, complete: true, counts).Write(root);
        files++;
        progress?.Report(new GenerationProgress(plan.DirectoryCount, plan.DirectoryCount, files, bytes));
        return new GenerationResult(options, counts, files, bytes, stopwatch.Elapsed);
    }

    private static Task<(DirectoryPlan[] Plans, long Files, long Bytes)> StartBatch(ProjectPlan plan, string root, int first) =>
        Task.Run(() =>
        {
            var plans = new DirectoryPlan[Math.Min(BatchDirectories, plan.DirectoryCount - first)];
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

    private static void PrepareOutput(string root)
    {
        if (File.Exists(root))
        {
            throw new IOException($"--out: {root} is a file, not a directory");
        }

        if (!Directory.Exists(root))
        {
            Directory.CreateDirectory(root);
            return;
        }

        if (!Directory.EnumerateFileSystemEntries(root).Any())
        {
            return;
        }

        GeneratedProjectStamp? stamp;
        try
        {
            stamp = GeneratedProjectStamp.Read(root);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"--out: {root} is not empty and its {GeneratedProjectStamp.FileName} is unreadable ({e.Message}); refusing to overwrite it", e);
        }

        if (stamp is null)
        {
            throw new IOException($"--out: {root} is not empty and holds no {GeneratedProjectStamp.FileName}, so it is not a generated project; refusing to overwrite it");
        }

        Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
    }
}
