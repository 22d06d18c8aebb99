using System.CommandLine;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit scan [-I DIR]... FILE...</c>: prints, per source, the headers the engine's scanner finds,
/// transitively, in the format of <c>gcc -MM</c>, to set beside the compiler's view of a real tree.
/// </summary>
public static class ScanCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var include = new Option<string[]>("-I", "--include-dir") { Description = "A directory to search for headers (CPPPATH), in order; repeatable", HelpName = "DIR" };
        var files = new Argument<string[]>("files") { Description = "C sources to scan, relative to the current directory", Arity = ArgumentArity.OneOrMore };
        var command = new Command("scan", "Print the headers each source depends on, as gcc -MM does") { include, files };
        command.SetAction(parse =>
        {
            // A FIFO or a device named as a source would block the scanner's read for ever: refused
            // here, each on its line, and the others scanned (as the scanner does for missing files).
            var (readable, refused) = Partition(parse.GetRequiredValue(files));
            var fileSystem = new DiskFileSystem(Directory.GetCurrentDirectory());
            var code = readable.Count == 0 && refused > 0 ? ExitCodes.UserError
                : ScanReport.Write(Console.Out, Console.Error, fileSystem, parse.GetValue(include) ?? [], readable);
            return refused > 0 ? ExitCodes.UserError : code;
        });
        return command.WithExamples("toolkit scan -I include -I lib src/main.c src/util.c");
    }

    private static (List<string> Readable, int Refused) Partition(IEnumerable<string> files)
    {
        var readable = new List<string>();
        var refused = 0;
        foreach (var file in files)
        {
            if (File.Exists(file) && RegularFile.WhyNot(file) is { } why)
            {
                Console.Error.WriteLine($"{CommandRunner.ErrorPrefix}{file}: {why}");
                refused++;
                continue;
            }

            readable.Add(file);
        }

        return (readable, refused);
    }
}
