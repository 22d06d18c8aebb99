using System.CommandLine;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

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
        var include = new Option<string[]>("-I", "--include-dir") { Description = "A directory to search for headers (CPPPATH), in order; repeatable" };
        var files = new Argument<string[]>("files") { Description = "C sources to scan", Arity = ArgumentArity.OneOrMore };
        var command = new Command("scan", "Print the headers each source depends on, as gcc -MM does") { include, files };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var fileSystem = new DiskFileSystem(Directory.GetCurrentDirectory());
            return ScanReport.Write(Console.Out, Console.Error, fileSystem, parse.GetValue(include) ?? [], parse.GetRequiredValue(files));
        }));
        return command;
    }
}
