using System.CommandLine;
using Toolkit.Harness.Commands;

namespace Toolkit.Harness;

/// <summary>The <c>toolkit</c> command line: one verb per job, each with its own --help.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();

    /// <summary>The root command with every verb (tests call it directly).</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("toolkit: find and cut the memory build engines spend on their dependency graphs");
        foreach (var verb in Verbs.All())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }
}
