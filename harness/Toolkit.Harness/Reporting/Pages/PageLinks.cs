namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// How the pages link the repository's docs and sources: relative to the folder the pages are written
/// in. The committed reference run lives in results/, one level below the root ("..", the default);
/// a local run in results/local/TIME/ is three levels below.
/// </summary>
/// <param name="Root">The repository root relative to the pages' folder, with '/' separators and no trailing '/'.</param>
public sealed record PageLinks(string Root = "..")
{
    /// <summary>docs/measuring.md, from a page in the pages' folder, with an optional #anchor.</summary>
    public string Measuring(string? anchor = null) => $"{Root}/docs/measuring.md{(anchor is null ? string.Empty : "#" + anchor)}";

    /// <summary>A repository file, from a page one folder down (recommendations/).</summary>
    public string SourceFromSubfolder(string file) => $"../{Root}/{file}";

    /// <summary>The links for pages written in <paramref name="outputDirectory"/>: the nearest folder above it holding docs/measuring.md is the root, else "..".</summary>
    public static PageLinks For(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var full = Path.GetFullPath(outputDirectory);
        for (var directory = Directory.GetParent(full); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Join(directory.FullName, "docs", "measuring.md")))
            {
                return new PageLinks(Path.GetRelativePath(full, directory.FullName).Replace('\\', '/'));
            }
        }

        return new PageLinks();
    }
}
