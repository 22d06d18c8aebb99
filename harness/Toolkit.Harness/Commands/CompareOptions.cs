using System.CommandLine;
using System.Globalization;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Comparison;
using Toolkit.Harness.Scaling;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>The options of <c>toolkit compare</c> and how they become a <see cref="CompareRequest"/>.</summary>
public sealed class CompareOptions
{
    private readonly VariantFactory _factory;

    /// <summary>The options, offering the variants of <paramref name="variants"/>.</summary>
    public CompareOptions(VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        _factory = variants;
        Variants = CommonOptions.Variants(variants, "Measure two variants now instead, as X,Y (X is A, Y is B)", allowAll: false);
    }

    /// <summary>The two results files.</summary>
    public Argument<string[]> Files { get; } = new("files") { Description = "Two results files of toolkit scale: A (reference) and B (candidate)", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>--variants.</summary>
    public Option<IReadOnlyList<string>> Variants { get; }

    /// <summary>--refs.</summary>
    public Option<string?> Refs { get; } = new("--refs") { Description = "Build two git refs of the engine, each in its own worktree, and measure both now as whole processes, as A,B (e.g. main,my-branch)", HelpName = "A,B" };

    /// <summary>--verdicts.</summary>
    public Option<bool> Verdicts { get; } = new("--verdicts") { Description = "Set the verdicts the pages draw from the two results files side by side and count how many agree (two runs of the same code should)" };

    /// <summary>--variant.</summary>
    public Option<string> Variant { get; } = new("--variant") { Description = "With --refs: the variant both engines build with", DefaultValueFactory = _ => "baseline" };

    /// <summary>--repository.</summary>
    public Option<DirectoryInfo> Repository { get; } = new Option<DirectoryInfo>("--repository")
    {
        Description = "With --refs: the git repository of the refs",
        HelpName = "DIR",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.CurrentDirectory),
    }.ShowDefaultAs("the current directory's");

    /// <summary>--build.</summary>
    public Option<string> Build { get; } = new("--build") { Description = "With --refs: the shell command that builds the engine in a ref's worktree", HelpName = "COMMAND", DefaultValueFactory = _ => CompareRequest.DefaultBuildCommand };

    /// <summary>--engine.</summary>
    public Option<string> Engine { get; } = new("--engine") { Description = "With --refs: the built engine, relative to the worktree, run as ENGINE DIR --variant NAME -j N [-n]", HelpName = "COMMAND", DefaultValueFactory = _ => CompareRequest.DefaultRefEngine };

    /// <summary>--sources.</summary>
    public Option<int> Sources { get; } = CommonOptions.Sources("With --variants or --refs: the project's size in sources", 1_000);

    /// <summary>--repeat.</summary>
    public Option<int> Repeat { get; } = CommonOptions.Repeat("With --variants or --refs: counted runs per side, interleaved, after the warm-up", CompareRequest.DefaultRepeat);

    /// <summary>--warmup.</summary>
    public Option<int> Warmup { get; } = new("--warmup") { Description = "With --variants or --refs: uncounted warm-up runs per side", HelpName = "N", DefaultValueFactory = _ => ScaleRequest.DefaultWarmup, CustomParser = OptionParsers.Integer("--warmup", 0) };

    /// <summary>--shape.</summary>
    public Option<SyntheticProjects.Generation.ProjectShape> Shape { get; } = CommonOptions.Shape("With --variants or --refs: the generated project's shape");

    /// <summary>--seed.</summary>
    public Option<int> Seed { get; } = CommonOptions.Seed("With --variants or --refs: the generator's seed");

    /// <summary>-j/--jobs.</summary>
    public Option<int> Jobs { get; } = CommonOptions.Jobs();

    /// <summary>-n/--dry-run.</summary>
    public Option<bool> DryRun { get; } = CommonOptions.DryRun("With --variants: make the footprint child's measured build a dry run");

    /// <summary>--projects.</summary>
    public Option<DirectoryInfo> Projects { get; } = CommonOptions.Projects("With --variants or --refs: where generated projects are kept and reused");

    /// <summary>--threshold.</summary>
    public Option<double?> Threshold { get; } = new Option<double?>("--threshold")
    {
        Description = "Relative threshold of the verdicts, percent: an interval within ±this is 'same', and better or worse needs the whole interval beyond it",
        HelpName = "PERCENT",
        CustomParser = result => OptionParsers.Number("--threshold", 0)(result),
    }.ShowDefaultAs(string.Create(CultureInfo.InvariantCulture, $"{CompareRequest.DefaultThresholdPercent}, or the --fail-on-regression value"));

    /// <summary>--fail-on-regression.</summary>
    public Option<double?> FailOn { get; } = new("--fail-on-regression")
    {
        Description = "Exit with code 3 when any metric of B is worse than A beyond this percent (the whole interval); exit 1 when some metric has too few runs to decide",
        HelpName = "PERCENT",
        CustomParser = result => OptionParsers.Number("--fail-on-regression", 0)(result),
    };

    /// <summary>--format.</summary>
    public Option<string> Format { get; } = new("--format") { Description = "The output: text, markdown, json or csv (docs/measuring.md describes the JSON and the CSV columns)", HelpName = "text|markdown|json|csv", DefaultValueFactory = _ => ComparisonFormat.Text };

    /// <summary>-o/--out.</summary>
    public Option<FileInfo?> Out { get; } = new("--out", "-o") { Description = "Write the report to this file instead of stdout", HelpName = "FILE" };

    /// <summary>Adds every symbol to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Format.AcceptOnlyFromAmong([.. ComparisonFormat.All]);
        command.Arguments.Add(Files);
        foreach (var option in (Option[])[Variants, Refs, Verdicts, Variant, Repository, Build, Engine, Sources, Repeat, Warmup, Shape, Seed, Jobs, DryRun, Projects, Threshold, FailOn, Format, Out])
        {
            command.Options.Add(option);
        }

        Variant.Validators.Add(BuildCommand.VariantValidator(_factory));
    }

    /// <summary>The request the parsed command line describes; a contradiction between the modes is a <see cref="UsageException"/>.</summary>
    public CompareRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var paths = parse.GetValue(Files) ?? [];
        var variants = parse.GetValue(Variants);
        var refs = parse.GetValue(Refs) is { } text ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var verdicts = parse.GetValue(Verdicts);
        var modes = (variants is null ? 0 : 1) + (refs is null ? 0 : 1);
        if (modes > 1 || (modes == 1 && (paths.Length != 0 || verdicts)))
        {
            throw new UsageException("give one of: two results files, --variants X,Y, --refs A,B, or --verdicts with two results files");
        }

        if (modes == 0 && paths.Length != 2)
        {
            throw new UsageException($"give two results files (A.json B.json), --variants X,Y or --refs A,B; got {paths.Length} files");
        }

        if (variants is not null && variants.Count != 2)
        {
            throw new UsageException($"--variants: give exactly two variants, as X,Y; got {variants.Count}");
        }

        if (refs is not null && refs.Length != 2)
        {
            throw new UsageException($"--refs: give exactly two refs, as A,B; got {refs.Length}");
        }

        return new CompareRequest
        {
            FileA = paths.ElementAtOrDefault(0),
            FileB = paths.ElementAtOrDefault(1),
            Variants = variants,
            Refs = refs,
            Verdicts = verdicts,
            Variant = parse.GetValue(Variant) ?? "baseline",
            Repository = parse.GetRequiredValue(Repository).FullName,
            BuildCommand = parse.GetRequiredValue(Build),
            RefEngine = parse.GetRequiredValue(Engine),
            Sources = parse.GetValue(Sources),
            Repeat = parse.GetValue(Repeat),
            Warmup = parse.GetValue(Warmup),
            Jobs = parse.GetValue(Jobs),
            Shape = parse.GetValue(Shape),
            Seed = parse.GetValue(Seed),
            DryRun = parse.GetValue(DryRun),
            ProjectsDirectory = parse.GetRequiredValue(Projects).FullName,
            ThresholdPercent = parse.GetValue(Threshold) ?? parse.GetValue(FailOn) ?? CompareRequest.DefaultThresholdPercent,
            FailOnRegressionPercent = parse.GetValue(FailOn),
            Format = parse.GetRequiredValue(Format),
        };
    }
}
