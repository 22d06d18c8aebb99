using System.CommandLine;
using Toolkit.Engine.Build;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit clean DIR</c>: removes every file the manifest builds, the signature database and the dependency log.</summary>
public static class CleanCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "clean";

    /// <summary>Creates the verb of <paramref name="program"/> (toolkit, or toolkit-build), its example naming it.</summary>
    public static Command Create(string program = HelpText.DefaultProgramName)
    {
        var directory = UserPaths.ProjectArgument();
        var command = Terminal.SelfInterrupting.Mark(new Command(Name, "Remove the built files, the engine's temporary files, the signature database and the dependency log (as scons -c); reads the manifest only, no scan") { directory });
        command.SetAction(parse =>
        {
            var root = UserPaths.RequireProject(parse.GetRequiredValue(directory));
            using var signals = new InterruptSignals(CancellationToken.None); // clean deletes to the end, then honours the signal
            var removed = UserPaths.Io(root, () => Project.Clean(root));
            Output.Line($"toolkit: removed {removed} built files and {Project.DatabaseFileName}");
            return signals.Signal is null ? ExitCodes.Success : signals.ExitCode;
        });
        return command.WithExamples($"{program} clean /tmp/p10k");
    }
}
