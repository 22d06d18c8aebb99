using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;
using Toolkit.Harness.Scaling;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit scale</c>: the main job. Measures every variant and peer as a whole process (dry run, full
/// build, null build) and every variant's managed heap, at each size, and writes one JSON results file and
/// the pages generated from it: into a new folder under results/local/ by default, into the committed
/// results/ only with <c>--reference</c>.
/// </summary>
public static class ScaleCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variants)
    {
        var options = new ScaleOptions(variants);
        var command = SelfInterrupting.Mark(new Command("scale", "Measure memory and time against graph size for the engine's variants and the peers, as whole processes and in the managed heap; write results JSON and pages"));
        options.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var reference = parse.GetValue(options.Reference);
            var outDirectory = parse.GetValue(options.Out) ?? new DirectoryInfo(reference ? ReferenceRun.Directory : ReferenceRun.LocalRunDirectory(DateTime.UtcNow));
            if (reference)
            {
                RequireRepositoryRoot(outDirectory);
            }

            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var request = options.Request(parse, reference);
            var existed = outDirectory.Exists;
            UserPaths.Io("--out " + outDirectory, () => outDirectory.Create());
            Output.Line($"toolkit: measuring into {outDirectory.FullName}");
            using var signals = new InterruptSignals(cancellation);
            ScaleResults results;
            try
            {
                try
                {
                    results = Run(request, signals.Token);
                }
                catch when (!existed && !outDirectory.EnumerateFileSystemInfos().Any())
                {
                    outDirectory.Delete(); // a run that measured nothing leaves no empty folder behind
                    throw;
                }
            }
            catch (OperationCanceledException) when (signals.Signal is not null)
            {
                // The runner has ended the measured process it was waiting for and deleted its temporary files.
                Output.Error($"interrupted by {signals.Name}: nothing was written to {outDirectory.FullName}; the projects generated in {request.ProjectsDirectory} are kept for the next run (one left unfinished is generated again)");
                return Task.FromResult(signals.ExitCode);
            }

            var file = Path.Join(outDirectory.FullName, $"scale-{(request.Project is null ? ProjectShapes.Name(request.Shape) : "imported")}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
            ResultsFile.Write(file, results);
            if (reference)
            {
                RemoveOlderResults(outDirectory.FullName, file);
            }

            var pages = UserPaths.Io("--out " + outDirectory, () => ReportGenerator.Write(results, outDirectory.FullName, variants));
            Output.Line($"toolkit: wrote {file}");
            Output.Line($"toolkit: wrote {pages.Count} pages and charts in {outDirectory.FullName} (start at {Path.Join(outDirectory.FullName, "README.md")})");
            return Task.FromResult(ExitCodes.Success);
        });
        return command.WithExamples(
            "toolkit scale",
            "toolkit scale --sources 1k,10k,100k --variants all --out /tmp/run1",
            "toolkit scale --variants slots,interning --sources 10k --no-peers --large-files 0",
            "toolkit scale --project /tmp/zlib-imported --variants all --repeat 3",
            "toolkit scale --reference --sources 1k,10k,100k,1M");
    }

    /// <summary>--reference rewrites the committed results/: only from the repository root, so it cannot write a stray results/ elsewhere.</summary>
    private static void RequireRepositoryRoot(DirectoryInfo outDirectory)
    {
        var root = Path.GetFullPath(Environment.CurrentDirectory);
        if (!File.Exists(Path.Join(root, ReferenceRun.RootMarker)))
        {
            throw new UsageException($"--reference rewrites the committed reference run in {ReferenceRun.Directory}/ of the repository: run it from the repository root (the folder with {ReferenceRun.RootMarker}); {root} is not");
        }

        if (!string.Equals(Path.GetFullPath(outDirectory.FullName), Path.Join(root, ReferenceRun.Directory), StringComparison.Ordinal))
        {
            throw new UsageException($"--reference writes {ReferenceRun.Directory}/ and nowhere else; drop --out, or drop --reference to write {outDirectory}");
        }
    }

    /// <summary>The reference run keeps one results file: the one just written.</summary>
    private static void RemoveOlderResults(string directory, string keep)
    {
        foreach (var older in Directory.EnumerateFiles(directory, "scale-*.json"))
        {
            if (!string.Equals(Path.GetFullPath(older), Path.GetFullPath(keep), StringComparison.Ordinal))
            {
                File.Delete(older);
            }
        }
    }

    private static ScaleResults Run(ScaleRequest request, CancellationToken cancellation)
    {
        var runner = new ScaleRunner(FootprintChildRunner.ForThisToolkit());
        if (!Output.IsInteractive)
        {
            return runner.Run(request, new PlainScaleProgress(), cancellation);
        }

        ScaleResults results = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                results = runner.Run(request, new SpectreScaleProgress(task), cancellation);
                task.Value = task.MaxValue;
            });
        return results;
    }
}
