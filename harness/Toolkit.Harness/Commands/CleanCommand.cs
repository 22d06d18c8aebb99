using System.CommandLine;
using Toolkit.Engine.Build;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit clean DIR</c>: removes every file the manifest builds, and the signature database.</summary>
public static class CleanCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The project directory (holding toolkit.manifest)" };
        var command = new Command("clean", "Remove the built files and the signature database (as scons -c)") { directory };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var reporter = new NullBuildReporter { KeepCommands = false };
            var project = Project.Open(parse.GetRequiredValue(directory).FullName, EngineSettings.Baseline, reporter);
            var removed = project.Clean();
            Output.Line($"toolkit: removed {removed} built files and {Project.DatabaseFileName}");
            return 0;
        }));
        return command;
    }
}
