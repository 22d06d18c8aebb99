using System.CommandLine;
using Toolkit.Harness.Terminal;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit import-msbuild PATH --out DIR</c>: evaluates a solution, project or folder with
/// Microsoft.Build (no restore) and writes its project graph as a manifest.
/// </summary>
public static class ImportMsBuildCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("path") { Description = "A .sln/.slnx, a project file, or a folder of projects" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write toolkit.manifest", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for one project's evaluation before reporting it and going on", DefaultValueFactory = _ => MsBuildImportOptions.DefaultEvaluationTimeout.TotalSeconds };
        var command = new Command("import-msbuild", "Import an MSBuild project graph (projects, Compile items, outputs, ProjectReferences) as a manifest") { input, output, timeout };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            outDirectory.Create();
            var options = new MsBuildImportOptions(parse.GetRequiredValue(input), outDirectory.FullName)
            {
                EvaluationTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
            };
            var progress = new Progress<string>(message =>
            {
                if (!Output.IsInteractive)
                {
                    return;
                }

                Console.Error.WriteLine(message);
            });
            var result = MsBuildImporter.Import(options, progress);
            foreach (var failure in result.Failures)
            {
                Output.Error($"{failure.ProjectPath}: {failure.Reason}");
            }

            Output.Line($"toolkit: imported {result.Projects} projects, {result.ProjectReferences} direct project references, {result.CompileItems} Compile items, {result.Failures.Count} failures ({result.Elapsed.TotalSeconds:0.0} s)");
            Output.Line($"toolkit: wrote {result.ManifestPath}");
            return result.Failures.Count == 0 ? 0 : CommandRunner.UserError;
        }));
        return command;
    }
}
