using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The library side of <c>toolkit scan [-I DIR]... FILE...</c>: scans each file with a fresh
/// <see cref="CIncludeScanner"/> and writes one <c>gcc -MM</c> style rule per file. Like gcc, it
/// reports every input that does not exist (naming it) and goes on with the others.
/// </summary>
public static class ScanReport
{
    /// <summary>Exit code when every file was scanned.</summary>
    public const int Success = 0;

    /// <summary>Exit code when some input was missing or not a project path, or none was given.</summary>
    public const int InputError = 1;

    /// <summary>
    /// Writes the rules for <paramref name="files"/> (project-relative paths) to <paramref name="output"/>,
    /// resolving includes against <paramref name="includeDirs"/> in order, and errors to
    /// <paramref name="error"/>. Returns <see cref="Success"/> or <see cref="InputError"/>.
    /// </summary>
    public static int Write(TextWriter output, TextWriter error, IFileSystem fileSystem, IReadOnlyList<string> includeDirs, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(includeDirs);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            error.WriteLine("toolkit: error: no input files");
            return InputError;
        }

        var scanner = new CIncludeScanner(fileSystem, new StrongScanCache());
        var exitCode = Success;
        foreach (var file in files)
        {
            var path = ProjectPath.Normalize(file.Replace('\\', '/'));
            if (path is null || path.Length == 0)
            {
                error.WriteLine($"toolkit: error: {file}: not a file path inside the project (absolute, or above the root)");
                exitCode = InputError;
                continue;
            }

            if (!scanner.Resolver.Stat(path).Exists)
            {
                error.WriteLine($"toolkit: error: {file}: no such file");
                exitCode = InputError;
                continue;
            }

            MakeDependencyFormatter.Write(output, path, scanner.ScanTransitive(path, includeDirs));
        }

        return exitCode;
    }
}
