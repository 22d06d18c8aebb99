using System.CommandLine;
using Toolkit.Harness.Commands.Help;
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
        var output = CommonOptions.OutDirectory("Where to write toolkit.manifest");
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for one project's evaluation (an SDK feed that never answers) before reporting it and going on",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => MsBuildImportOptions.DefaultEvaluationTimeout.TotalSeconds,
            CustomParser = OptionParsers.Number("--timeout", 1),
        };
        var offline = new Option<bool>("--offline") { Description = "Turn MSBuild's NuGet SDK resolver off: a versioned SDK (Sdk=\"Name/1.0\", global.json msbuild-sdks) then fails at once instead of resolving from the global packages folder (NUGET_PACKAGES) or a feed" };
        var command = new Command("import-msbuild", "Import an MSBuild static graph (ProjectGraph: a node per project and framework, outer builds, direct and transitive edges, Compile items, outputs) as a manifest")
        {
            input, output, timeout, offline,
        };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var options = new MsBuildImportOptions(parse.GetRequiredValue(input), outDirectory.FullName)
            {
                EvaluationTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Offline = parse.GetValue(offline),
            };
            var progress = new Progress<string>(message =>
            {
                if (Output.IsInteractive)
                {
                    Console.Error.WriteLine(message);
                }
            });
            var result = UserPaths.Io("--out " + outDirectory, () => Import(options, progress));
            foreach (var failure in result.Failures)
            {
                Output.Error($"{failure.ProjectPath}: {failure.Reason}");
            }

            Output.Line($"toolkit: ProjectGraph: {result.Graph}");
            Output.Line($"toolkit: wrote {result.ManifestPath}: {result.Nodes} nodes, {result.Edges} edges ({result.Dependencies} dependencies, the rest order-only), {result.CompileItems} Compile items, {result.Failures.Count} failures ({result.Elapsed.TotalSeconds:0.0} s)");
            return result.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.UserError;
        });
        return command.WithExamples(
            "toolkit import-msbuild ~/src/app/App.sln --out /tmp/app-graph",
            "toolkit import-msbuild ~/src/monorepo -o /tmp/mono --timeout 120",
            "toolkit import-msbuild Orleans.slnx -o /tmp/orleans --offline");
    }

    /// <summary>The importer documents a missing input (FileNotFoundException) and one of the wrong kind (ArgumentException) as the user's errors.</summary>
    private static MsBuildImportResult Import(MsBuildImportOptions options, IProgress<string> progress)
    {
        try
        {
            return MsBuildImporter.Import(options, progress);
        }
        catch (FileNotFoundException exception) when (exception.FileName == Path.GetFullPath(options.InputPath))
        {
            throw new UsageException(exception.Message, exception);
        }
        catch (ArgumentException exception) when (exception.ParamName is "options" or "root")
        {
            throw UsageException.From(exception);
        }
    }
}
