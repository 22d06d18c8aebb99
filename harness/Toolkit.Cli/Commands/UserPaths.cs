using System.CommandLine;
using Toolkit.Engine.Manifest;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The checks and the I/O on paths a user names on the command line: a missing project directory, a
/// manifest that is a FIFO, an output folder that cannot be written become a <see cref="UsageException"/>
/// naming the path, before the work starts where that is possible, instead of an IOException from deep inside.
/// </summary>
public static class UserPaths
{
    /// <summary>The <c>DIR</c> argument of build, clean and footprint.</summary>
    public static Argument<DirectoryInfo> ProjectArgument() => new("dir") { Description = "The project directory (holding toolkit.manifest)" };

    /// <summary>The full path of <paramref name="directory"/> when it holds a readable toolkit.manifest; otherwise a <see cref="UsageException"/> saying what is wrong.</summary>
    public static string RequireProject(DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = directory.FullName;
        if (File.Exists(path))
        {
            throw new UsageException($"{directory}: is a file, not a project directory");
        }

        if (!Directory.Exists(path))
        {
            throw new UsageException(directory.ToString().StartsWith('-')
                ? $"'{directory}' is neither an option of this verb nor a directory (see --help)"
                : $"{directory}: no such directory");
        }

        var manifest = Path.Join(path, ManifestWriter.FileName);
        if (!File.Exists(manifest) && !Directory.Exists(manifest))
        {
            throw new UsageException($"no {ManifestWriter.FileName} in '{directory}' (make one with 'toolkit generate' or 'toolkit import-msbuild')");
        }

        if (RegularFile.WhyNot(manifest) is { } why)
        {
            throw new UsageException($"{manifest}: {why}");
        }

        return path;
    }

    /// <summary>An output folder named by <paramref name="option"/> may be absent (it is created) but not a file.</summary>
    public static void RequireOutputDirectory(DirectoryInfo directory, string option)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory.FullName))
        {
            throw new UsageException($"{option} {directory}: is a file, not a folder");
        }
    }

    /// <summary>The parent folder of an output file named by <paramref name="option"/> must exist: checked before a long build, not after it.</summary>
    public static void RequireParentDirectory(FileInfo? file, string option)
    {
        if (file?.Directory is { } parent && !parent.Exists)
        {
            throw new UsageException($"{option} {file}: the folder {parent.FullName} does not exist");
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>, which reads or writes the path <paramref name="what"/> names; an
    /// I/O or permission error becomes a <see cref="UsageException"/> naming it (a message that names
    /// it already is kept as it is).
    /// </summary>
    public static T Io<T>(string what, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var message = exception.Message.StartsWith(what, StringComparison.Ordinal) ? exception.Message : $"{what}: {exception.Message}";
            throw new UsageException(message, exception);
        }
    }

    /// <summary>As <see cref="Io{T}(string, Func{T})"/> for a body without a result.</summary>
    public static void Io(string what, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Io(what, () =>
        {
            body();
            return 0;
        });
    }
}
