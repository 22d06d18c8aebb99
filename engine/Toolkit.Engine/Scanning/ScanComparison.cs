using System.Collections.Concurrent;
using System.Diagnostics;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Scans every entry of a compile_commands.json with the engine's scanner and, when asked, runs
/// <c>gcc -MM</c> on the same commands, then compares the two per file: the figures behind
/// <c>toolkit scan --compile-commands FILE --compare-gcc</c>. Both sides run on <c>jobs</c> threads (gcc as
/// that many processes at once) and are timed as wholes, the scanner's time including the compiler
/// probe it needs in exact mode. Names are canonical (<see cref="ScanPaths"/>) on both sides, so
/// <c>../deps/x.h</c> from one directory and <c>deps/x.h</c> from another are one header.
/// </summary>
public static class ScanComparison
{
    /// <summary>Scans (and compares) <paramref name="commands"/>; files are named relative to <paramref name="root"/>.</summary>
    public static ScanComparisonResult Run(IReadOnlyList<CompileCommand> commands, string root, ScanMode mode, int jobs, bool compareWithGcc, Action<string>? warning, ICompilerProbe? probe = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(root);
        var fileSystem = new DiskFileSystem(root);
        var warnings = new ConcurrentQueue<string>();
        var options = new ScanOptions
        {
            Mode = mode,
            RootDirectory = fileSystem.Root,
            CompilerProbe = probe,
            Warning = message =>
            {
                warnings.Enqueue(message);
                warning?.Invoke(message);
            },
        };
        var scanner = new CIncludeScanner(fileSystem, new StrongScanCache(), options);
        var files = new FileComparison[commands.Count];

        var clock = Stopwatch.StartNew();
        ParallelScan.For(commands.Count, Math.Max(1, jobs), i => files[i] = ScanOne(scanner, commands[i]));
        var scanTime = clock.Elapsed;

        var gccTime = TimeSpan.Zero;
        if (compareWithGcc)
        {
            clock.Restart();
            ParallelScan.For(commands.Count, Math.Max(1, jobs), i => files[i] = WithGcc(scanner.Paths, files[i], commands[i]));
            gccTime = clock.Elapsed;
            if (mode == ScanMode.Conservative)
            {
                var conservative = new CIncludeScanner(fileSystem, new StrongScanCache(), new ScanOptions { RootDirectory = fileSystem.Root });
                for (var i = 0; i < files.Length; i++)
                {
                    files[i] = MarkComputed(conservative, files[i]);
                }
            }
        }

        return new ScanComparisonResult(mode, files, scanTime, gccTime, compareWithGcc, warnings.ToArray());
    }

    private static FileComparison ScanOne(CIncludeScanner scanner, CompileCommand command)
    {
        var directory = scanner.Paths.Canonical(command.Directory) ?? string.Empty;
        var source = scanner.Paths.Combine(directory, command.File) ?? command.File;
        try
        {
            var result = scanner.Scan(command.File, command.Flags, directory);
            return new FileComparison(source, command.File, result.Headers, null, null, null, false);
        }
        catch (FileNotFoundException exception)
        {
            return new FileComparison(source, command.File, [], exception.Message, null, null, false);
        }
    }

    private static FileComparison WithGcc(ScanPaths paths, FileComparison file, CompileCommand command)
    {
        var names = GccDependencies.Run(command, out var error);
        if (names is null)
        {
            return file with { GccError = error ?? "failed" };
        }

        var directory = paths.Canonical(command.Directory) ?? string.Empty;
        var headers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Skip(1))
        {
            if (paths.Combine(directory, name) is { } canonical && canonical != file.Source && seen.Add(canonical))
            {
                headers.Add(canonical);
            }
        }

        return file with { Gcc = headers.ToArray() };
    }

    /// <summary>Marks a file whose gcc list (or source) holds a computed <c>#include MACRO</c>: its misses are explained.</summary>
    private static FileComparison MarkComputed(CIncludeScanner conservative, FileComparison file)
    {
        if (file.Gcc is null)
        {
            return file;
        }

        foreach (var path in file.Gcc.Prepend(file.Source))
        {
            try
            {
                if (conservative.DirectIncludes(path).Any(directive => directive.IsComputed))
                {
                    return file with { HasComputedInclude = true };
                }
            }
            catch (FileNotFoundException)
            {
                // gcc named a file that is gone now: nothing to look at.
            }
        }

        return file;
    }
}
