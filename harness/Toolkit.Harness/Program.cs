using System.CommandLine;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness;

/// <summary>The <c>toolkit</c> command line: one verb per job, each with its own --help.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <remarks>
    /// The verbs that handle interruption themselves (<see cref="InterruptSignals"/>: build, clean) run
    /// without System.CommandLine's termination handling, which ends the process 2 s after a signal,
    /// before a build could save what it finished.
    /// </remarks>
    public static int Main(string[] args)
    {
        var parse = CreateRootCommand().Parse(args);
        var configuration = new InvocationConfiguration();
        if (parse.CommandResult.Command.Name is BuildCommand.Name or CleanCommand.Name)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return parse.Invoke(configuration);
    }

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
