using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Scaling;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The options of <c>toolkit scale</c> and how they become a <see cref="ScaleRequest"/>. <c>--reference</c>
/// sets the reference run's presets (<see cref="ReferenceRun"/>) for the options not given.
/// </summary>
public sealed class ScaleOptions
{
    private readonly VariantFactory _factory;

    /// <summary>The options, offering the variants of <paramref name="variants"/>.</summary>
    public ScaleOptions(VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        _factory = variants;
        Variants = CommonOptions.Variants(variants, "'all' or a comma-separated list of variants measured at every size (baseline is always measured: savings are against it)", allowAll: true);
        Variants.DefaultValueFactory = _ => ScaleRequest.DefaultVariants;
        VariantsAt = new("--variants-at")
        {
            Description = "At this size measure only these variants (repeatable), e.g. 1M=baseline,optimized",
            HelpName = "SIZE=LIST",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = OptionParsers.SizeLists("--variants-at", variants.FindUnknown),
        };
    }

    /// <summary>--sources.</summary>
    public Option<IReadOnlyList<int>> Sources { get; } = CommonOptions.SourcesList("Sizes, in sources, comma-separated (e.g. 1k,10k,100k)", ScaleRequest.DefaultSources);

    /// <summary>--variants.</summary>
    public Option<IReadOnlyList<string>> Variants { get; }

    /// <summary>--project.</summary>
    public Option<DirectoryInfo?> Project { get; } = new("--project")
    {
        Description = "Measure this project (a folder with a toolkit.manifest from import-ninja, import-compdb or import-msbuild) instead of generated ones: its one size, every variant on a private copy in --projects, and the peers that read its own build file (an imported build.ninja: ninja, samurai) in its build directory without changing it: the dry run when it is not built, the null build when it is up to date, never a full build",
        HelpName = "DIR",
    };

    /// <summary>--variants-at.</summary>
    public Option<IReadOnlyDictionary<int, IReadOnlyList<string>>> VariantsAt { get; }

    /// <summary>--peers.</summary>
    public Option<IReadOnlyList<string>> Peers { get; } = new Option<IReadOnlyList<string>>("--peers")
    {
        Description = $"The peers to measure beside the engine: all, none or a list of {string.Join(", ", PeerTool.Names)}; each only when it is on PATH (skipped with a note otherwise)",
        HelpName = "all|none|LIST",
        DefaultValueFactory = _ => PeerTool.DefaultNames,
        CustomParser = OptionParsers.Peers,
    }.ShowDefaultAs($"{string.Join(",", PeerTool.DefaultNames)} (scons takes ten times as long; all with --reference)");

    /// <summary>--no-peers.</summary>
    public Option<bool> NoPeers { get; } = new("--no-peers") { Description = "Measure no peer (the same as --peers none)" };

    /// <summary>--peers-at.</summary>
    public Option<IReadOnlyDictionary<int, IReadOnlyList<string>>> PeersAt { get; } = new("--peers-at")
    {
        Description = "At this size measure only these peers (repeatable), e.g. 1M=ninja,samurai",
        HelpName = "SIZE=LIST",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = OptionParsers.SizeLists("--peers-at", OptionParsers.FindUnknownPeer),
    };

    /// <summary>--shape.</summary>
    public Option<SyntheticProjects.Generation.ProjectShape> Shape { get; } = CommonOptions.Shape("The generated projects' shape");

    /// <summary>--seed.</summary>
    public Option<int> Seed { get; } = CommonOptions.Seed("The generator's seed");

    /// <summary>--repeat.</summary>
    public Option<int> Repeat { get; } = CommonOptions.Repeat("Counted runs per (tool, size), after the warm-up; the verdicts need at least 4", ScaleRequest.DefaultRepeat);

    /// <summary>--warmup.</summary>
    public Option<int> Warmup { get; } = new("--warmup")
    {
        Description = "Uncounted warm-up runs per (tool, size) before the counted ones",
        HelpName = "N",
        DefaultValueFactory = _ => ScaleRequest.DefaultWarmup,
        CustomParser = OptionParsers.Integer("--warmup", 0),
    };

    /// <summary>--large-files.</summary>
    public Option<int> LargeFiles { get; } = new("--large-files")
    {
        Description = "When chunked hashing is measured, add a point at the smallest size with this many 8 MiB sources, where it is judged (baseline and the variants that hash differently run there); 0 leaves it out",
        HelpName = "K",
        DefaultValueFactory = _ => ScaleRequest.DefaultLargeFiles,
        CustomParser = OptionParsers.Integer("--large-files", 0, SyntheticProjects.Generation.GeneratorOptions.MaxLargeFiles),
    };

    /// <summary>-j/--jobs.</summary>
    public Option<int> Jobs { get; } = CommonOptions.Jobs();

    /// <summary>--engine.</summary>
    public Option<string?> Engine { get; } = new Option<string?>("--engine")
    {
        Description = "The engine program measured as a whole process, with any arguments before DIR; it is run as ENGINE DIR --variant NAME -j N [-n] [--real-tools]; aot: the NativeAOT toolkit-build of this repository (dotnet publish harness/Toolkit.Build -c Release -r linux-x64 -p:PublishAot=true), lean: its JIT build",
        HelpName = "COMMAND",
    }.ShowDefaultAs("this toolkit's build verb");

    /// <summary>--engine-tools.</summary>
    public Option<string> EngineTools { get; } = new("--engine-tools")
    {
        Description = "What the engine's full builds run: builtin (its in-process tool, as toolkit build does) or stand-ins (the same stand-in scripts as the peers, through --real-tools)",
        HelpName = "builtin|stand-ins",
        DefaultValueFactory = _ => "builtin",
    };

    /// <summary>-o/--out.</summary>
    public Option<DirectoryInfo?> Out { get; } = new Option<DirectoryInfo?>("--out", "-o")
    {
        Description = "Where to write the results file and the pages",
        HelpName = "DIR",
    }.ShowDefaultAs($"a new folder {ReferenceRun.LocalDirectory}/<UTC time> (ignored by git); {ReferenceRun.Directory} with --reference");

    /// <summary>--reference.</summary>
    public Option<bool> Reference { get; } = new("--reference")
    {
        Description = $"Rewrite the committed reference run in {ReferenceRun.Directory}/ (from the repository root): sizes 1k,10k,100k, every variant, every peer (scons up to 10k, make up to 100k), only baseline and optimized at 1M when --sources includes it; other options still apply",
    };

    /// <summary>--projects.</summary>
    public Option<DirectoryInfo> Projects { get; } = CommonOptions.Projects("Where generated projects are kept and reused");

    /// <summary>-n/--dry-run.</summary>
    public Option<bool> DryRun { get; } = CommonOptions.DryRun("Make the footprint child's measured build a dry run instead of a full build (the whole-process runs always do all three)");

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        EngineTools.AcceptOnlyFromAmong("builtin", "stand-ins");
        Variants.ShowDefaultAs(string.Join(',', ScaleRequest.DefaultVariants));
        foreach (var option in (Option[])[Sources, Project, Variants, VariantsAt, Peers, NoPeers, PeersAt, Shape, Seed, Repeat, Warmup, LargeFiles, Jobs, Engine, EngineTools, Out, Reference, Projects, DryRun])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the parsed options describe.</summary>
    public ScaleRequest Request(ParseResult parse, bool reference)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = (Option option) => parse.GetResult(option) is { Implicit: false };
        var sources = reference && !given(Sources) ? ReferenceRun.Sources : parse.GetRequiredValue(Sources);
        var variants = !given(Variants) && reference ? _factory.Names : parse.GetRequiredValue(Variants);
        var variantsAt = given(VariantsAt) ? parse.GetRequiredValue(VariantsAt) : reference ? ReferenceRun.VariantsAt : new Dictionary<int, IReadOnlyList<string>>();
        var peersAt = given(PeersAt) ? parse.GetRequiredValue(PeersAt) : reference ? ReferenceRun.PeersAt : new Dictionary<int, IReadOnlyList<string>>();
        var engine = parse.GetValue(Engine);
        var project = parse.GetValue(Project) is { } directory ? ImportedProjectOf(directory, given, reference, parse.GetValue(EngineTools)) : null;
        return new ScaleRequest
        {
            Project = project,
            Sources = [.. sources.Distinct().Order()],
            Variants = WithBaseline(variants),
            VariantsAt = variantsAt.Where(p => sources.Contains(p.Key)).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)WithBaseline(p.Value)),
            Peers = parse.GetValue(NoPeers) ? [] : reference && !given(Peers) ? PeerTool.Names : parse.GetRequiredValue(Peers),
            PeersAt = peersAt.Where(p => sources.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value),
            Shape = parse.GetValue(Shape),
            Seed = parse.GetValue(Seed),
            Repeat = parse.GetValue(Repeat),
            Warmup = parse.GetValue(Warmup),
            LargeFiles = parse.GetValue(LargeFiles),
            Jobs = parse.GetValue(Jobs),
            Engine = engine is null ? EngineCommand.ThisToolkit() : EngineCommand.Parse(engine, "--engine", Environment.CurrentDirectory),
            EngineStandIns = parse.GetValue(EngineTools) == "stand-ins",
            DryRun = parse.GetValue(DryRun),
            ProjectsDirectory = parse.GetRequiredValue(Projects).FullName,
        };
    }

    /// <summary>
    /// The project of --project, read and checked before anything is measured. An imported project has one size
    /// and is no generator's: the options that shape generated projects are usage errors beside it.
    /// </summary>
    private ImportedProject ImportedProjectOf(DirectoryInfo directory, Func<Option, bool> given, bool reference, string? engineTools)
    {
        foreach (var (option, name) in new (Option, string)[] { (Sources, "--sources"), (Shape, "--shape"), (Seed, "--seed"), (LargeFiles, "--large-files"), (VariantsAt, "--variants-at"), (PeersAt, "--peers-at") })
        {
            if (given(option))
            {
                throw new UsageException($"--project measures the one size of the project in {directory}; {name} is for generated projects: give one or the other");
            }
        }

        if (reference)
        {
            throw new UsageException("--reference measures generated projects; drop --project");
        }

        if (engineTools == "stand-ins")
        {
            throw new UsageException("--engine-tools stand-ins: an imported project's commands name its own tools (e.g. /usr/bin/cc), not the stand-ins; measure it with the built-in tool (the default)");
        }

        return ImportedProject.Read(directory.ToString());
    }

    /// <summary>Every saving is measured against the baseline, so it is measured even when not asked for.</summary>
    private static List<string> WithBaseline(IReadOnlyList<string> names)
    {
        var list = names.ToList();
        list.Remove(BaselineVariant.VariantName);
        list.Insert(0, BaselineVariant.VariantName);
        return list;
    }
}
