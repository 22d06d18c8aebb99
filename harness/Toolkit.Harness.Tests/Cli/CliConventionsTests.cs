using System.CommandLine;
using System.CommandLine.Parsing;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// The CLI conventions (docs/cli.md), checked over every verb and sub-verb the program has: an
/// example at the end of every help that parses to that very verb; one option name per meaning; the
/// reserved short forms; switches on by default only as <c>--no-...</c>; each default stated once;
/// <c>toolkit --help</c> grouped by job.
/// </summary>
public sealed class CliConventionsTests
{
    /// <summary>Names that say a meaning the conventions give another name.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["--output"] = "--out", ["--output-dir"] = "--out", ["--outdir"] = "--out", ["--dest"] = "--out",
        ["--limit"] = "--top", ["--max"] = "--top", ["--count"] = "--top", ["--first"] = "--top", ["--head"] = "--top", ["--number"] = "--top",
        ["--threads"] = "--jobs", ["--parallel"] = "--jobs", ["--workers"] = "--jobs",
        ["--dryrun"] = "--dry-run", ["--what-if"] = "--dry-run", ["--simulate"] = "--dry-run",
        ["--keepgoing"] = "--keep-going", ["--continue"] = "--keep-going",
        ["--size"] = "--sources", ["--sizes"] = "--sources",
        ["--repeats"] = "--repeat", ["--runs"] = "--repeat", ["--iterations"] = "--repeat",
        ["--output-format"] = "--format", ["--fmt"] = "--format",
        ["--project-dir"] = "--projects", ["--cache"] = "--projects",
    };

    /// <summary>Short forms with one meaning in every verb.</summary>
    private static readonly Dictionary<string, string> ReservedShortForms = new(StringComparer.Ordinal)
    {
        ["-o"] = "--out", ["-n"] = "--dry-run", ["-j"] = "--jobs", ["-k"] = "--keep-going",
    };

    /// <summary>
    /// The heap verbs' deviations, which the heap helper is converting (issue 9). The test fails for
    /// any other deviation and for an entry here that no longer deviates, so this list only shrinks.
    /// </summary>
    /// <summary>
    /// Deviations still being converted. The test fails for any other deviation and for an entry here
    /// that no longer deviates, so this list only shrinks (the heap verbs were converted: issue 9).
    /// </summary>
    private static readonly string[] KnownDeviations = [];

    private static readonly RootCommand Root = Program.CreateRootCommand();

    public static TheoryData<string> Commands() => [.. CliReference.Walk(Root).Select(HelpRenderer.PathOf)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_help_ends_with_examples_that_parse_to_that_verb(string path)
    {
        var command = Find(path);
        var examples = HelpText.ExamplesOf(command);
        Assert.True(examples.Count > 0, $"'{path} --help' has no example: add one with WithExamples");
        foreach (var example in examples)
        {
            Assert.True(example == path || example.StartsWith(path + " ", StringComparison.Ordinal), $"'{example}' is an example of '{path}' but does not start with it");
            var parse = Root.Parse(CommandLineParser.SplitCommandLine(example).Skip(1).ToArray());
            Assert.True(parse.Errors.Count == 0, $"example '{example}' does not parse: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            // A verb's example runs that verb; a group's (toolkit, toolkit heap) runs one of its verbs.
            var ran = parse.CommandResult.Command;
            Assert.True(ReferenceEquals(ran, command) || (command.Subcommands.Count > 0 && HelpRenderer.PathOf(ran).StartsWith(path + " ", StringComparison.Ordinal)), $"example '{example}' runs '{HelpRenderer.PathOf(ran)}', not '{path}'");
        }

        var help = HelpRenderer.Render(command).TrimEnd('\n').Split('\n');
        Assert.Equal("  " + examples[^1], help[^1]);
    }

    [Fact]
    public void Options_follow_the_naming_conventions_in_every_verb()
    {
        var violations = new List<string>();
        var aliasesByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var command in CliReference.Walk(Root))
        {
            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                var at = $"{HelpRenderer.PathOf(command)} {option.Name}";
                violations.AddRange(Check(option).Select(problem => $"{at}: {problem}"));
                var aliases = string.Join(",", option.Aliases.Order(StringComparer.Ordinal));
                aliasesByName.TryAdd(option.Name, []);
                aliasesByName[option.Name].Add(aliases);
            }
        }

        violations.AddRange(aliasesByName.Where(p => p.Value.Count > 1).Select(p => $"{p.Key}: has different short forms in different verbs ({string.Join(" / ", p.Value)})"));
        var unexpected = violations.Except(KnownDeviations).ToList();
        var fixedNow = KnownDeviations.Except(violations).ToList();
        Assert.True(unexpected.Count == 0, "options break the conventions of docs/cli.md:\n" + string.Join("\n", unexpected));
        Assert.True(fixedNow.Count == 0, "fixed, so remove from KnownDeviations:\n" + string.Join("\n", fixedNow));
    }

    [Fact]
    public void Root_help_lists_every_verb_once_grouped_by_job()
    {
        var groups = HelpText.GroupsOf(Root);
        Assert.NotNull(groups);
        Assert.Equal(Root.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal), groups.SelectMany(g => g.Verbs).Select(v => v.Name).Order(StringComparer.Ordinal));
        string GroupOf(string verb) => groups.Single(g => g.Verbs.Any(v => v.Name == verb)).Title;
        Assert.All(["generate", "build", "clean", "scan"], verb => Assert.StartsWith("Build a project", GroupOf(verb), StringComparison.Ordinal));
        Assert.All(Root.Subcommands.Where(c => c.Name.StartsWith("import-", StringComparison.Ordinal)), verb => Assert.StartsWith("Build a project", GroupOf(verb.Name), StringComparison.Ordinal));
        Assert.All(["footprint", "scale", "bench", "compare"], verb => Assert.StartsWith("Measure", GroupOf(verb), StringComparison.Ordinal));
        Assert.StartsWith("Report", GroupOf("report"), StringComparison.Ordinal);
        Assert.StartsWith("Inspect a heap", GroupOf("heap"), StringComparison.Ordinal);

        var help = HelpRenderer.Render(Root);
        var positions = groups.Select(g => help.IndexOf(g.Title + ":", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("\n  heap dominators ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void No_help_prints_a_default_twice()
    {
        foreach (var command in CliReference.Walk(Root))
        {
            Assert.DoesNotContain("[default:", HelpRenderer.Render(command), StringComparison.Ordinal);
            foreach (var argument in command.Arguments)
            {
                var twice = HelpText.DefaultOf(argument) is not null && (argument.Description ?? "").Contains("default", StringComparison.OrdinalIgnoreCase);
                Assert.False(twice, $"{HelpRenderer.PathOf(command)} <{argument.Name}> states its default in its description, and the help states it again");
            }
        }
    }

    private static IEnumerable<string> Check(Option option)
    {
        if (Synonyms.TryGetValue(option.Name, out var canonical))
        {
            yield return $"named {option.Name}; the conventions call it {canonical}";
        }

        foreach (var alias in option.Aliases.Where(a => ReservedShortForms.TryGetValue(a, out var owner) && owner != option.Name))
        {
            yield return $"uses {alias}, which is {ReservedShortForms[alias]} everywhere";
        }

        if (ReservedShortForms.FirstOrDefault(p => p.Value == option.Name) is { Key: { } shortForm } && !option.Aliases.Contains(shortForm))
        {
            yield return $"lacks its short form {shortForm}";
        }

        var isSwitch = option.ValueType == typeof(bool);
        if (isSwitch && option.HasDefaultValue && option.GetDefaultValue() is true)
        {
            yield return "a switch on by default; it needs a --no-... form instead";
        }

        if (option.Name.StartsWith("--no-", StringComparison.Ordinal) && (!isSwitch || option.GetDefaultValue() is true))
        {
            yield return "a --no-... form must be a switch that is off by default";
        }

        if (HelpText.DefaultOf(option) is not null && (option.Description ?? "").Contains("default", StringComparison.OrdinalIgnoreCase))
        {
            yield return "states its default in its description, and the help states it again";
        }
    }

    private static Command Find(string path) => CliReference.Walk(Root).Single(c => HelpRenderer.PathOf(c) == path);
}
