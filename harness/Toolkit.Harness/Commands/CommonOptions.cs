using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Measuring;
using Toolkit.Optimizations;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The options that mean the same in every verb that has them (docs/cli.md, "Conventions"): one name,
/// one short form, one value syntax and one parser each, so <c>-j</c>, <c>-n</c>, <c>-o</c>,
/// <c>--sources</c>, <c>--shape</c>, <c>--seed</c>, <c>--repeat</c> and <c>--projects</c> cannot drift
/// apart between verbs. The description may say what the option does in that verb.
/// </summary>
public static class CommonOptions
{
    /// <summary><c>-j/--jobs N</c>: parallel jobs, one per core unless given (<see cref="EngineOptions.Jobs"/>).</summary>
    public static Option<int> Jobs() => EngineOptions.Jobs();

    /// <summary><c>-n/--dry-run</c>.</summary>
    public static Option<bool> DryRun(string description) => EngineOptions.DryRun(description);

    /// <summary><c>--no-deps-log</c>: open the project without the dependency log (.toolkit.deps), reading and scanning every source.</summary>
    public static Option<bool> NoDependencyLog() => EngineOptions.NoDependencyLog();

    /// <summary><c>-k/--keep-going</c>.</summary>
    public static Option<bool> KeepGoing() => EngineOptions.KeepGoing();

    /// <summary><c>--seed N</c>: the generator's seed.</summary>
    public static Option<int> Seed(string description) => new("--seed")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => 1,
        CustomParser = OptionParsers.Integer("--seed", int.MinValue),
    };

    /// <summary><c>--shape NAME</c>: the generated project's shape.</summary>
    public static Option<ProjectShape> Shape(string description) => new Option<ProjectShape>("--shape")
    {
        Description = description,
        HelpName = string.Join('|', ProjectShapes.ValidNames),
        DefaultValueFactory = _ => ProjectShape.CLibraries,
        CustomParser = OptionParsers.Shape,
    }.ShowDefaultAs(ProjectShapes.Name(ProjectShape.CLibraries));

    /// <summary><c>--sources N</c>: one project size, in sources (10k and 1M understood).</summary>
    public static Option<int> Sources(string description, int defaultSources) => new Option<int>("--sources")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultSources,
        CustomParser = OptionParsers.Count("--sources", GeneratorOptions.MinSources, GeneratorOptions.MaxSources),
    }.ShowDefaultAs(CountParser.Format(defaultSources));

    /// <summary><c>--sources N[,N...]</c>: several project sizes.</summary>
    public static Option<IReadOnlyList<int>> SourcesList(string description, IReadOnlyList<int> defaultSources) => new Option<IReadOnlyList<int>>("--sources")
    {
        Description = description,
        HelpName = "N[,N...]",
        DefaultValueFactory = _ => defaultSources,
        CustomParser = OptionParsers.Counts("--sources", GeneratorOptions.MinSources, GeneratorOptions.MaxSources),
    }.ShowDefaultAs(string.Join(',', defaultSources.Select(CountParser.Format)));

    /// <summary><c>--variants LIST</c>: variant names from <paramref name="variants"/> (and <c>all</c> where <paramref name="allowAll"/>), listed in the help.</summary>
    public static Option<IReadOnlyList<string>> Variants(VariantFactory variants, string description, bool allowAll) => new("--variants")
    {
        Description = $"{description}; variants: {string.Join(", ", variants.Names)}",
        HelpName = allowAll ? "all|LIST" : "LIST",
        CustomParser = OptionParsers.Variants(variants, "--variants", allowAll),
    };

    /// <summary><c>--repeat N</c>: fresh processes per measurement, at least 1.</summary>
    public static Option<int> Repeat(string description, int defaultRepeat) => new("--repeat")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultRepeat,
        CustomParser = OptionParsers.Integer("--repeat", 1),
    };

    /// <summary><c>-o/--out DIR</c>, required.</summary>
    public static Option<DirectoryInfo> OutDirectory(string description) => new("--out", "-o") { Description = description, HelpName = "DIR", Required = true };

    /// <summary><c>-o/--out DIR</c> with a default.</summary>
    public static Option<DirectoryInfo> OutDirectory(string description, string defaultDirectory) => new("--out", "-o")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => new DirectoryInfo(defaultDirectory),
    };

    /// <summary><c>--projects DIR</c>: where scale and compare keep the projects they generate (<see cref="ProjectCache"/>).</summary>
    public static Option<DirectoryInfo> Projects(string description) => new Option<DirectoryInfo>("--projects")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => new DirectoryInfo(ProjectCache.DefaultDirectory),
    }.ShowDefaultAs("toolkit-projects in the temporary directory");
}
