using System.CommandLine;
using System.CommandLine.Help;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Commands.Help;
using Toolkit.Optimizations;

namespace Toolkit.Harness;

/// <summary>The <c>toolkit</c> command line: one verb per job, grouped by job in <c>toolkit --help</c>, each with its own --help.</summary>
public static class Program
{
    /// <summary>Entry point: every verb goes through <see cref="CommandRunner.Invoke"/>.</summary>
    public static int Main(string[] args) => CommandRunner.Invoke(CreateRootCommand(), args, Console.Out, Console.Error);

    /// <summary>The root command with every verb and the toolkit's help, offering the project's variants (tests call it directly).</summary>
    public static RootCommand CreateRootCommand() => CreateRootCommand(VariantFactory.Default);

    /// <summary>The root command whose --variant and --variants offer the variants of <paramref name="variants"/>.</summary>
    public static RootCommand CreateRootCommand(VariantFactory variants)
    {
        var root = new RootCommand("toolkit: find and cut the memory build engines spend on their dependency graphs");
        var groups = Verbs.Groups(variants);
        foreach (var verb in groups.SelectMany(g => g.Verbs))
        {
            root.Subcommands.Add(verb);
        }

        HelpText.SetGroups(root, groups);
        root.Options.OfType<HelpOption>().Single().Action = new ToolkitHelpAction();
        return root.WithExamples(
            "toolkit generate --sources 10k --out /tmp/p10k",
            "toolkit build /tmp/p10k -j 2",
            "toolkit scale --sources 1k,10k --repeat 3",
            "toolkit compare --variants baseline,optimized --sources 10k",
            "toolkit heap summarize app.heap");
    }
}
