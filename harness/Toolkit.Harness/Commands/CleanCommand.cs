using System.CommandLine;
using Toolkit.Engine.Build;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit clean DIR</c>: removes every file the manifest builds, and the signature database.</summary>
public static class CleanCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var directory = UserPaths.ProjectArgument();
        var command = new Command("clean", "Remove the built files and the signature database (as scons -c)") { directory };
        command.SetAction(parse =>
        {
            var root = UserPaths.RequireProject(parse.GetRequiredValue(directory));
            var removed = UserPaths.Io(root, () => Project.Open(root, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false }).Clean());
            Output.Line($"toolkit: removed {removed} built files and {Project.DatabaseFileName}");
            return ExitCodes.Success;
        });
        return command.WithExamples("toolkit clean /tmp/p10k");
    }
}
