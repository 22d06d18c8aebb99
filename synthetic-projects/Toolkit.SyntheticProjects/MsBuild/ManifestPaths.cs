using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Path arithmetic for an imported manifest: the common directory of a set of full paths (the
/// manifest's root), a full path as a manifest path relative to it, and the root as a token.
/// </summary>
public static class ManifestPaths
{
    /// <summary>How file paths compare on this platform (case-insensitive on Windows only).</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The deepest directory that holds every one of the given full paths (directories or files' directories).</summary>
    public static string CommonDirectory(string firstDirectory, IEnumerable<string> files)
    {
        var common = Path.TrimEndingDirectorySeparator(Path.GetFullPath(firstDirectory));
        foreach (var file in files)
        {
            while (!IsUnder(file, common))
            {
                var parent = Path.GetDirectoryName(common);
                if (parent is null)
                {
                    break;
                }

                common = parent;
            }
        }

        return common;
    }

    /// <summary>A full path below <paramref name="root"/> as a manifest path: relative, '/'-separated.</summary>
    public static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    /// <summary>
    /// The <c>root</c> statement's operand for a manifest written to <paramref name="manifestDirectory"/>:
    /// the path relative to it (absolute on Windows when the drives differ); null when the root is
    /// the manifest's own directory (no statement needed). Spaces are fine (the writer escapes
    /// them); a control character in the path is refused, naming the root.
    /// </summary>
    public static string? RootToken(string manifestDirectory, string root)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(manifestDirectory), root).Replace('\\', '/');
        if (relative == ".")
        {
            return null;
        }

        return ManifestWriter.IsValidPath(relative)
            ? relative
            : throw new MsBuildImportException($"the import root '{root}' holds a control character and cannot be written as a manifest root ('{relative}')");
    }

    private static bool IsUnder(string path, string directory)
    {
        if (!path.StartsWith(directory, Comparison))
        {
            return false;
        }

        // "/a/bc" is not under "/a/b"; the root "/" ends in a separator already.
        return path.Length == directory.Length
            || Path.EndsInDirectorySeparator(directory)
            || path[directory.Length] == Path.DirectorySeparatorChar
            || path[directory.Length] == Path.AltDirectorySeparatorChar;
    }
}
