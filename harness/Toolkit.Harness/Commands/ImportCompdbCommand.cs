using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;
using Toolkit.SyntheticProjects.CompileCommands;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit import-compdb compile_commands.json --out DIR</c>: writes one Object build per entry
/// with its flags and reports the headers the engine's scanner finds with them.
/// </summary>
public static class ImportCompdbCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("compile_commands.json") { Description = "A JSON compilation database (CMake's CMAKE_EXPORT_COMPILE_COMMANDS, bear): entries with directory, file, command or arguments, and output" };
        var output = CommonOptions.OutDirectory("Where to write toolkit.manifest");
        var command = new Command("import-compdb", "Import a compile_commands.json as a manifest: one Object build per source with its compiler, include path, defines and flags; headers found by the engine's scanner")
        {
            input, output,
        };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var result = CompileCommandsImporter.Import(parse.GetRequiredValue(input).FullName, outDirectory.FullName);
            foreach (var warning in result.Warnings)
            {
                Output.Warning(warning);
            }

            Output.Line($"toolkit: read {result.Entries} entries: {result.Objects} objects from {result.Sources} sources, {result.FlagSets} flag sets");
            Output.Line($"toolkit: the scanner found {result.Headers} headers, {result.HeaderEdges} object-to-header edges");
            Output.Line($"toolkit: wrote {result.ManifestPath} ({result.Elapsed.TotalSeconds:0.0} s)");
            return ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit import-compdb build/compile_commands.json --out /tmp/compdb");
    }
}
