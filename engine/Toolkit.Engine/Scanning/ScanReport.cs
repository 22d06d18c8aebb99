using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The library side of <c>toolkit scan</c>: scans each file with a fresh <see cref="CIncludeScanner"/> and
/// writes one <c>gcc -MM</c> style rule per file, or, given a compile_commands.json, scans every entry with
/// its own flags and writes the rules or the comparison with gcc. Like gcc, it reports every input that
/// cannot be scanned (one line naming it) and goes on with the others; sources may be absolute or above
/// the working folder, as gcc accepts them.
/// </summary>
public static class ScanReport
{
    /// <summary>Exit code when every file was scanned.</summary>
    public const int Success = 0;

    /// <summary>Exit code when some input was missing or unreadable, or none was given.</summary>
    public const int InputError = 1;

    /// <summary>Writes the conservative rules for <paramref name="files"/>, resolving includes against <paramref name="includeDirs"/>.</summary>
    public static int Write(TextWriter output, TextWriter error, IFileSystem fileSystem, IReadOnlyList<string> includeDirs, IReadOnlyList<string> files) =>
        Write(output, error, fileSystem, CompilerFlags.FromIncludeDirs(includeDirs), files, ScanMode.Conservative, null);

    /// <summary>
    /// Writes the rules for <paramref name="files"/> (relative to the file system's root, or absolute) scanned
    /// with <paramref name="flags"/> in <paramref name="mode"/> to <paramref name="output"/>, and errors and
    /// warnings to <paramref name="error"/>. Returns <see cref="Success"/> or <see cref="InputError"/>.
    /// </summary>
    public static int Write(TextWriter output, TextWriter error, IFileSystem fileSystem, CompilerFlags flags, IReadOnlyList<string> files, ScanMode mode, ICompilerProbe? probe)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            error.WriteLine("toolkit: error: no input files");
            return InputError;
        }

        string? current = null;
        var sourceUnreadable = false;
        var options = new ScanOptions
        {
            Mode = mode,
            CompilerProbe = probe,
            Warning = message =>
            {
                // The scan of one file runs on this thread, so the source being scanned is known.
                if (current is not null && message.StartsWith($"cannot read '{current}'", StringComparison.Ordinal))
                {
                    sourceUnreadable = true;
                    error.WriteLine($"toolkit: error: {message[..message.IndexOf("; its includes", StringComparison.Ordinal)]}");
                    return;
                }

                error.WriteLine($"toolkit: warning: {message}");
            },
        };
        var scanner = new CIncludeScanner(fileSystem, new StrongScanCache(), options);
        var exitCode = Success;
        foreach (var file in files)
        {
            var path = scanner.Paths.Canonical(file.Replace('\\', '/'));
            if (path is null || path.Length == 0)
            {
                error.WriteLine($"toolkit: error: '{file}' is not a file path");
                exitCode = InputError;
                continue;
            }

            if (!scanner.Resolver.Stat(path).Exists)
            {
                error.WriteLine($"toolkit: error: {file}: no such file");
                exitCode = InputError;
                continue;
            }

            current = path;
            sourceUnreadable = false;
            var result = scanner.Scan(path, flags);
            current = null;
            if (sourceUnreadable)
            {
                exitCode = InputError;
                continue;
            }

            MakeDependencyFormatter.Write(output, file, result.Headers);
        }

        return exitCode;
    }

    /// <summary>
    /// Scans every entry of <paramref name="compileCommands"/> in <paramref name="mode"/> (files named relative
    /// to <paramref name="root"/>) and writes the rules, or with <paramref name="compareWithGcc"/> the comparison
    /// with <c>gcc -MM</c> as <paramref name="format"/> (text, markdown, json) showing <paramref name="top"/> misses
    /// and extras. Returns <see cref="Success"/>, or <see cref="InputError"/> when some source could not be scanned.
    /// </summary>
    public static int WriteCompileCommands(TextWriter output, TextWriter error, string compileCommands, string? root, ScanMode mode, int jobs, bool compareWithGcc, int top, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var commands = CompileCommandsReader.Read(compileCommands);
        var rootDirectory = root ?? Path.GetDirectoryName(Path.GetFullPath(compileCommands))!;
        var gate = new object();
        var result = ScanComparison.Run(commands, rootDirectory, mode, jobs, compareWithGcc, message =>
        {
            lock (gate)
            {
                error.WriteLine($"toolkit: warning: {message}");
            }
        });
        foreach (var file in result.Files.Where(file => file.ScanError is not null))
        {
            error.WriteLine($"toolkit: error: {file.ScanError}");
        }

        if (compareWithGcc)
        {
            ScanComparisonWriter.Write(output, result, format, top);
        }
        else
        {
            foreach (var file in result.Files.Where(file => file.ScanError is null))
            {
                MakeDependencyFormatter.Write(output, file.Written, file.Ours);
            }
        }

        return result.Files.Any(file => file.ScanError is not null) ? InputError : Success;
    }
}
