using Toolkit.Engine.FileSystem;

namespace Toolkit.Harness.Commands;

/// <summary>
/// Checks a file an option will write (<c>--heap-snapshot</c>, <c>--stats</c>, <c>--core-dump</c>)
/// before any work is done: a directory, a device or a FIFO is a usage error naming the option, not an
/// I/O error after a long build (a missing parent folder is <see cref="UserPaths.RequireParentDirectory"/>'s).
/// </summary>
public static class OutputFileCheck
{
    /// <summary>Returns <paramref name="path"/> (null stays null); throws <see cref="UsageException"/> when it cannot be written.</summary>
    public static string? Check(string? path, string option)
    {
        if (path is null)
        {
            return null;
        }

        var (kind, _) = FileProbe.Probe(path);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new UsageException($"{option}: '{path}' is {FileProbe.Describe(kind)}; give the file to write");
        }

        return path;
    }
}
