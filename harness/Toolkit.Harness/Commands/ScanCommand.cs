using System.CommandLine;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit scan [-I DIR]... FILE...</c>: prints, per source, the headers the engine's scanner finds,
/// transitively, in the format of <c>gcc -MM</c>, to set beside the compiler's view of a real tree.
/// With <c>--compile-commands FILE</c> it scans every entry of a compile_commands.json with its own
/// flags, and with <c>--compare-gcc</c> runs <c>gcc -MM</c> on the same commands and prints the figures
/// (files exactly equal, precision, recall, misses, both times).
/// </summary>
public static class ScanCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var include = new Option<string[]>("-I", "--include-dir") { Description = "A directory to search for headers (CPPPATH), in order; repeatable; may be outside this folder or absolute", HelpName = "DIR" };
        var define = new Option<string[]>("-D", "--define") { Description = "Define a macro, as the compiler's -D (exact mode); repeatable", HelpName = "NAME[=VALUE]" };
        var undefine = new Option<string[]>("-U", "--undefine") { Description = "Undefine a macro, as the compiler's -U (exact mode); repeatable", HelpName = "NAME" };
        var quote = new Option<string[]>("--iquote") { Description = "A directory searched for quoted includes only, before -I; repeatable", HelpName = "DIR" };
        var system = new Option<string[]>("--isystem") { Description = "A system directory (its headers are not listed), searched after -I; repeatable", HelpName = "DIR" };
        var forced = new Option<string[]>("--include") { Description = "A header read before the source, as the compiler's -include; repeatable", HelpName = "FILE" };
        var flags = new Option<string?>("--flags") { Description = "More compiler flags as one string, read as gcc reads them (e.g. \"-std=c99 -O2 -DX=1\")", HelpName = "FLAGS" };
        var compiler = new Option<string>("--cc") { Description = "The compiler the exact mode asks for its predefined macros and system directories", HelpName = "CC", DefaultValueFactory = _ => "cc" };
        var mode = new Option<string>("--scan-mode") { Description = "conservative (every #if branch counts, as SCons) or exact (the preprocessor evaluated as the compiler does)", HelpName = "conservative|exact", DefaultValueFactory = _ => "conservative" };
        mode.AcceptOnlyFromAmong("conservative", "exact");
        var commands = new Option<FileInfo?>("--compile-commands") { Description = "Scan every entry of this compile_commands.json with its own flags and directory", HelpName = "FILE" };
        var compare = new Option<bool>("--compare-gcc") { Description = "With --compile-commands: run gcc -MM on each entry too and print the comparison" };
        var root = new Option<DirectoryInfo?>("--root") { Description = "With --compile-commands: the folder files are named relative to (default: the one holding the JSON file)", HelpName = "DIR" };
        var jobs = CommonOptions.Jobs();
        jobs.Description = "With --compile-commands: parallel scans and gcc runs";
        var top = new Option<int>("--top") { Description = "With --compare-gcc: how many misses and extras to list", HelpName = "N", DefaultValueFactory = _ => 10, CustomParser = OptionParsers.Integer("--top", 0) };
        var format = new Option<string>("--format") { Description = "With --compare-gcc: the comparison's form", HelpName = "text|markdown|json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the rules or the comparison to this file instead of standard output", HelpName = "FILE" };
        var files = new Argument<string[]>("files") { Description = "C sources to scan (relative to the current directory, above it, or absolute)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("scan", "Print the headers each source depends on, as gcc -MM does")
        {
            include, define, undefine, quote, system, forced, flags, compiler, mode, commands, compare, root, jobs, top, format, output, files,
        };
        command.SetAction(parse =>
        {
            var scanMode = parse.GetValue(mode) == "exact" ? ScanMode.Exact : ScanMode.Conservative;
            var outFile = parse.GetValue(output);
            UserPaths.RequireParentDirectory(outFile, "--out");
            using var writer = outFile is null ? null : UserPaths.Io("--out " + outFile, () => new StreamWriter(outFile.FullName) { NewLine = "\n" });
            var stdout = writer ?? Console.Out;
            if (parse.GetValue(commands) is { } database)
            {
                return ScanReport.WriteCompileCommands(stdout, Console.Error, database.FullName, parse.GetValue(root)?.FullName, scanMode, parse.GetValue(jobs), parse.GetValue(compare), parse.GetValue(top), parse.GetValue(format) ?? "text");
            }

            if (parse.GetValue(compare))
            {
                throw new UsageException("--compare-gcc needs --compile-commands FILE (the flags of each file come from it)");
            }

            var arguments = new List<string>();
            Add(arguments, "-iquote", parse.GetValue(quote));
            Add(arguments, "-I", parse.GetValue(include));
            Add(arguments, "-isystem", parse.GetValue(system));
            Add(arguments, "-D", parse.GetValue(define));
            Add(arguments, "-U", parse.GetValue(undefine));
            Add(arguments, "-include", parse.GetValue(forced));
            arguments.AddRange(CommandLineSplitter.Split(parse.GetValue(flags) ?? string.Empty));
            var parsed = CompilerFlags.Parse(arguments, parse.GetValue(compiler));

            // A FIFO or a device named as a source would block the scanner's read for ever: refused
            // here, each on its line, and the others scanned (as the scanner does for missing files).
            var (readable, refused) = Partition(parse.GetValue(files) ?? []);
            var fileSystem = new DiskFileSystem(Directory.GetCurrentDirectory());
            var code = readable.Count == 0 && refused > 0 ? ExitCodes.UserError
                : ScanReport.Write(stdout, Console.Error, fileSystem, parsed, readable, scanMode, null);
            return refused > 0 ? ExitCodes.UserError : code;
        });
        return command.WithExamples(
            "toolkit scan -I include -I lib src/main.c src/util.c",
            "toolkit scan --scan-mode exact -I ../deps/lua/src -D USE_JEMALLOC server.c",
            "toolkit scan --compile-commands build/compile_commands.json --scan-mode exact --compare-gcc");
    }

    private static void Add(List<string> arguments, string option, string[]? values)
    {
        foreach (var value in values ?? [])
        {
            arguments.Add(option);
            arguments.Add(value);
        }
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
