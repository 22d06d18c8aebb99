using System.CommandLine;
using Toolkit.Harness.Terminal;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit import-msbuild PATH --out DIR [--offline] [--timeout S]</c>: builds the static graph
/// of a solution, project or folder with MSBuild's ProjectGraph (evaluation only, no restore), prints
/// its figures and writes it as a manifest.
/// </summary>
public static class ImportMsBuildCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("path") { Description = "A .sln/.slnx, a project file, or a folder of projects" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write toolkit.manifest", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for one project's evaluation (an SDK feed that never answers) before reporting it and going on", DefaultValueFactory = _ => MsBuildImportOptions.DefaultEvaluationTimeout.TotalSeconds };
        var offline = new Option<bool>("--offline") { Description = "Turn MSBuild's NuGet SDK resolver off: a versioned SDK (Sdk=\"Name/1.0\", global.json msbuild-sdks) then fails at once instead of resolving from the global packages folder (NUGET_PACKAGES) or a feed" };
        var command = new Command("import-msbuild", "Import an MSBuild static graph (ProjectGraph: a node per project and framework, outer builds, direct and transitive edges, Compile items, outputs) as a manifest")
        {
            input, output, timeout, offline,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            outDirectory.Create();
            var options = new MsBuildImportOptions(parse.GetRequiredValue(input), outDirectory.FullName)
            {
                EvaluationTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                Offline = parse.GetValue(offline),
            };
            var progress = new Progress<string>(message =>
            {
                if (Output.IsInteractive)
                {
                    Console.Error.WriteLine(message);
                }
            });
            var result = MsBuildImporter.Import(options, progress);
            foreach (var failure in result.Failures)
            {
                Output.Error($"{failure.ProjectPath}: {failure.Reason}");
            }

            Output.Line($"toolkit: ProjectGraph: {result.Graph}");
            Output.Line($"toolkit: wrote {result.ManifestPath}: {result.Nodes} nodes, {result.Edges} edges ({result.Dependencies} dependencies, the rest order-only), {result.CompileItems} Compile items, {result.Failures.Count} failures ({result.Elapsed.TotalSeconds:0.0} s)");
            return result.Failures.Count == 0 ? 0 : CommandRunner.UserError;
        }));
        command.Description += "\n\nExample:\n  toolkit import-msbuild Orleans.slnx --out /tmp/orleans   (NUGET_PACKAGES=DIR to resolve versioned SDKs from a local folder)";
        return command;
    }
}
