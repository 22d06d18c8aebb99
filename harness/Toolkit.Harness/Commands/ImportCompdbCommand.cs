using System.CommandLine;
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
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write toolkit.manifest", Required = true };
        var command = new Command("import-compdb", "Import a compile_commands.json as a manifest: one Object build per source with its compiler, include path, defines and flags; headers found by the engine's scanner")
        {
            input, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var result = CompileCommandsImporter.Import(parse.GetRequiredValue(input).FullName, parse.GetRequiredValue(output).FullName);
            foreach (var warning in result.Warnings)
            {
                Output.Warning(warning);
            }

            Output.Line($"toolkit: read {result.Entries} entries: {result.Objects} objects from {result.Sources} sources, {result.FlagSets} flag sets");
            Output.Line($"toolkit: the scanner found {result.Headers} headers, {result.HeaderEdges} object-to-header edges");
            Output.Line($"toolkit: wrote {result.ManifestPath} ({result.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        }));
        command.Description += "\n\nExample:\n  cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON && toolkit import-compdb build/compile_commands.json --out /tmp/compdb";
        return command;
    }
}
