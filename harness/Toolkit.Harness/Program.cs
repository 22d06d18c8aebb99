using System.CommandLine;
using Toolkit.Harness.Commands;
using Toolkit.Optimizations;

namespace Toolkit.Harness;

/// <summary>The <c>toolkit</c> command line: one verb per job, each with its own --help.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => CreateRootCommand(VariantFactory.Default).Parse(args).Invoke();

    /// <summary>The root command with every verb, offering the variants of <paramref name="variants"/> (tests call it directly).</summary>
    public static RootCommand CreateRootCommand(VariantFactory variants)
    {
        var root = new RootCommand("toolkit: find and cut the memory build engines spend on their dependency graphs");
        foreach (var verb in Verbs.All(variants))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }
}
