using System.CommandLine;
using Toolkit.Harness.Commands.Help;
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
        var output = CommonOptions.OutDirectory("Where to write toolkit.manifest");
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for one project's evaluation before reporting it and going on",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => MsBuildImportOptions.DefaultEvaluationTimeout.TotalSeconds,
            CustomParser = OptionParsers.Number("--timeout", 1),
        };
        var command = new Command("import-msbuild", "Import an MSBuild project graph (projects, Compile items, outputs, ProjectReferences) as a manifest") { input, output, timeout };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var options = new MsBuildImportOptions(parse.GetRequiredValue(input), outDirectory.FullName)
            {
                EvaluationTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            var progress = new Progress<string>(message =>
            {
                if (!Output.IsInteractive)
                {
                    return;
                }

                Console.Error.WriteLine(message);
            });
            var result = UserPaths.Io("--out " + outDirectory, () => Import(options, progress));
            foreach (var failure in result.Failures)
            {
                Output.Error($"{failure.ProjectPath}: {failure.Reason}");
            }

            Output.Line($"toolkit: imported {result.Projects} projects, {result.ProjectReferences} direct project references, {result.CompileItems} Compile items, {result.Failures.Count} failures ({result.Elapsed.TotalSeconds:0.0} s)");
            Output.Line($"toolkit: wrote {result.ManifestPath}");
            return result.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.UserError;
        });
        return command.WithExamples(
            "toolkit import-msbuild ~/src/app/App.sln --out /tmp/app-graph",
            "toolkit import-msbuild ~/src/monorepo -o /tmp/mono --timeout 120");
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
