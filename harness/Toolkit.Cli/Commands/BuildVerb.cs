using System.CommandLine;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Image;
using Toolkit.Engine.Scanning;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The <c>build DIR [TARGET...]</c> verb both programs run: <c>toolkit build</c> (with its introspection
/// options, an <see cref="IBuildVerbExtension"/>) and the lean engine executable <c>toolkit-build build</c>
/// (none, so it is NativeAOT-compatible). One body, so the two cannot drift apart in options, output
/// lines or exit codes.
/// </summary>
public static class BuildVerb
{
    /// <summary>The verb's name.</summary>
    public const string Name = "build";

    /// <summary>The verb's description.</summary>
    public const string Description = "Build a project: scan, decide from signatures, run what is out of date";

    /// <summary>Creates the verb offering <paramref name="variants"/>, with <paramref name="extension"/>'s options after its own.</summary>
    public static Command Create(VariantFactory variants, IBuildVerbExtension? extension)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var options = new BuildVerbOptions(variants);
        var command = Terminal.SelfInterrupting.Mark(new Command(Name, Description));
        foreach (var symbol in options.Symbols.Concat(extension?.Options ?? []))
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        command.SetAction((parse, cancellation) => Task.FromResult(Run(variants, options, extension, parse, cancellation)));
        return command;
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

    private static int Run(VariantFactory variants, BuildVerbOptions o, IBuildVerbExtension? extension, ParseResult parse, CancellationToken cancellation)
    {
        var root = UserPaths.RequireProject(parse.GetRequiredValue(o.Directory));
        extension?.Check(parse);
        var jobCount = JobsParser.Cap(parse.GetValue(o.Jobs));
        using var signals = new InterruptSignals(cancellation);
        var chosen = variants.Get(parse.GetValue(o.Variant) ?? "baseline");
        using var observer = extension?.Start(chosen.Name, parse);
        var reporter = new ConsoleBuildReporter(parse.GetValue(o.Silent));
        var dryRun = parse.GetValue(o.DryRun);
        var settings = chosen.CreateSettings().WithDependencyLog(!parse.GetValue(o.NoDependencyLog)).WithReadOnly(dryRun)
            .WithScanForDecisionsOnly(dryRun && parse.GetValue(o.Tree) is null);
        if (parse.GetValue(o.ScanMode) is { } chosenScan)
        {
            settings = settings.WithScanMode(chosenScan == "exact" ? ScanMode.Exact : ScanMode.Conservative);
        }

        if (settings.BuildImage && FromImage(root, settings, reporter, o, extension, parse, signals) is { } served)
        {
            Output.Line(Summary(served, parse.GetValue(o.DryRun)));
            return served.ExitCode;
        }

        var project = Output.WithProgress("loading", _ => UserPaths.Io(root, () => Project.Open(root, settings, reporter, observer?.OnPhase)));
        var ids = (parse.GetValue(o.Targets) ?? []).Select(target => ResolveTarget(project, target)).ToList();
        var options = new BuildOptions
        {
            Jobs = jobCount,
            DryRun = parse.GetValue(o.DryRun),
            KeepGoing = parse.GetValue(o.KeepGoing),
            WaitForLock = parse.GetValue(o.Wait),
            Cancellation = signals.Token,
        };
        BuildResult result;
        try
        {
            result = Output.WithProgress("building", progress =>
            {
                reporter.OnProgress = progress;
                var executor = project.CreateExecutor(parse.GetValue(o.RealTools), signals.Token);
                return project.Build(ids, options, observer is null ? executor : observer.Building(executor));
            });
        }
        catch (OperationCanceledException)
        {
            Output.Error($"interrupted by {signals.Name} while waiting for the project's lock; nothing was built");
            return signals.ExitCode;
        }

        if (result.Interrupted)
        {
            Output.Line(Summary(result, options.DryRun));
            Output.Error($"interrupted by {signals.Name}: {result.Executed} actions ran{(options.DryRun ? string.Empty : " and are saved in " + Project.DatabaseFileName)}, {result.Skipped} were not started; the next build runs the rest");
            return signals.ExitCode;
        }

        if (parse.GetValue(o.Tree) is { } mode)
        {
            TreePrinter.Write(Console.Out, project.Graph, ids.Count > 0 ? ids : project.Graph.DefaultTargets, prune: mode == "prune");
        }

        Output.Line(Summary(result, options.DryRun));
        if (observer is not null)
        {
            UserPaths.Io("--stats/--heap-snapshot/--core-dump", () => observer.AfterBuild(project));
        }

        return result.ExitCode;
    }

    /// <summary>
    /// A plain build of the defaults (-n too) with no option that needs the graph (--tree, --scan-mode, the toolkit's
    /// introspection options): the build image's answer when it says nothing is to do (the project's lock held while
    /// it is checked, as a build holds it), else null and the project is loaded. A lock left by a dead build loads
    /// the project, whose build removes what the dead one left.
    /// </summary>
    private static BuildResult? FromImage(string root, EngineSettings settings, ConsoleBuildReporter reporter, BuildVerbOptions o, IBuildVerbExtension? extension, ParseResult parse, InterruptSignals signals)
    {
        string[] graphOptions = [o.Tree.Name, o.ScanMode.Name];
        var plain = (parse.GetValue(o.Targets) ?? []).Length == 0
            && !graphOptions.Concat((extension?.Options ?? []).Select(option => option.Name)).Any(name => parse.GetResult(name) is System.CommandLine.Parsing.OptionResult { Implicit: false });
        if (!plain)
        {
            return null;
        }

        return UserPaths.Io(root, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var manifest = Project.ManifestPath(root);
            using var held = ProjectLock.Acquire(Path.GetDirectoryName(manifest)!, "toolkit build", parse.GetValue(o.Wait), reporter.Warning, signals.Token);
            if (held.PreviousHolderDied)
            {
                return null;
            }

            var outcome = ImageCheck.Run(new DiskFileSystem(Path.GetDirectoryName(manifest)!), Project.HashManifest(manifest), settings, reporter, out var result, out _);
            return outcome == ImageOutcome.UpToDate ? result with { Elapsed = clock.Elapsed } : null;
        });
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

    private static string Summary(BuildResult result, bool dryRun)
    {
        var verb = dryRun ? "would run" : "ran";
        var text = $"toolkit: {verb} {result.Executed} actions, {result.UpToDate} up to date, {result.Failed} failed, {result.Skipped} skipped ({result.Considered} nodes, {result.Elapsed.TotalSeconds:0.00} s)";
        return result.Interrupted ? text + "; interrupted" : text;
    }
}
