using System.CommandLine;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

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
    private const string Examples = """

        Examples:
          toolkit scan -I include src/main.c
          toolkit scan --scan-mode exact -I ../deps/lua/src -D USE_JEMALLOC server.c
          toolkit scan --compile-commands build/compile_commands.json --scan-mode exact --compare-gcc
        """;

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var include = new Option<string[]>("-I", "--include-dir") { Description = "A directory to search for headers (CPPPATH), in order; repeatable; may be outside the folder or absolute" };
        var define = new Option<string[]>("-D", "--define") { Description = "Define a macro, NAME or NAME=VALUE, as the compiler's -D (exact mode); repeatable" };
        var undefine = new Option<string[]>("-U", "--undefine") { Description = "Undefine a macro, as the compiler's -U (exact mode); repeatable" };
        var quote = new Option<string[]>("--iquote") { Description = "A directory searched for quoted includes only, before -I; repeatable" };
        var system = new Option<string[]>("--isystem") { Description = "A system directory (its headers are not listed), searched after -I; repeatable" };
        var forced = new Option<string[]>("--include") { Description = "A header read before the source, as the compiler's -include; repeatable" };
        var flags = new Option<string?>("--flags") { Description = "More compiler flags as one string, read as gcc reads them (e.g. \"-std=c99 -O2 -DX=1\")" };
        var compiler = new Option<string>("--cc") { Description = "The compiler the exact mode asks for its predefined macros and system directories", DefaultValueFactory = _ => "cc" };
        var mode = new Option<string>("--scan-mode") { Description = "conservative (every #if branch counts, as SCons) or exact (the preprocessor evaluated as the compiler does)", DefaultValueFactory = _ => "conservative" };
        mode.AcceptOnlyFromAmong("conservative", "exact");
        var commands = new Option<FileInfo?>("--compile-commands") { Description = "Scan every entry of this compile_commands.json with its own flags and directory" };
        var compare = new Option<bool>("--compare-gcc") { Description = "With --compile-commands: run gcc -MM on each entry too and print the comparison" };
        var root = new Option<DirectoryInfo?>("--root") { Description = "With --compile-commands: the folder files are named relative to (default: the one holding the JSON file)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "With --compile-commands: parallel scans and gcc runs (one per core unless given)", DefaultValueFactory = _ => System.Environment.ProcessorCount };
        var top = new Option<int>("--top") { Description = "With --compare-gcc: how many misses and extras to list", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--format") { Description = "With --compare-gcc: text, markdown or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the rules or the comparison to this file instead of standard output" };
        var files = new Argument<string[]>("files") { Description = "C sources to scan (relative to this folder, above it, or absolute)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("scan", "Print the headers each source depends on, as gcc -MM does" + Examples)
        {
            include, define, undefine, quote, system, forced, flags, compiler, mode, commands, compare, root, jobs, top, format, output, files,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var scanMode = parse.GetValue(mode) == "exact" ? ScanMode.Exact : ScanMode.Conservative;
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                throw new UsageException($"--jobs {jobCount}: must be at least 1");
            }

            using var writer = OpenOutput(parse.GetValue(output));
            var stdout = writer ?? Console.Out;
            if (parse.GetValue(commands) is { } database)
            {
                return ScanReport.WriteCompileCommands(stdout, Console.Error, database.FullName, parse.GetValue(root)?.FullName, scanMode, jobCount, parse.GetValue(compare), parse.GetValue(top), parse.GetValue(format) ?? "text");
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
            var fileSystem = new DiskFileSystem(Directory.GetCurrentDirectory());
            return ScanReport.Write(stdout, Console.Error, fileSystem, parsed, parse.GetValue(files) ?? [], scanMode, null);
        }));
        return command;
    }

    private static void Add(List<string> arguments, string option, string[]? values)
    {
        foreach (var value in values ?? [])
        {
            arguments.Add(option);
            arguments.Add(value);
        }
    }

    private static StreamWriter? OpenOutput(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return new StreamWriter(file.FullName) { NewLine = "\n" };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {file.FullName}: cannot write: {exception.Message}");
        }
    }
}
