namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Turns an import input into its entry project files: a solution's listed projects, a project
/// file itself, or every project file below a folder (skipping bin, obj and .git). Sorted, so an
/// import of the same tree is the same every time.
/// </summary>
public static class EntryProjectFinder
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git"];

    /// <summary>True when the path names a project file the importer reads.</summary>
    public static bool IsProjectFile(string path) =>
        ProjectExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the path names a solution file (.sln or .slnx).</summary>
    public static bool IsSolutionFile(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".sln", StringComparison.OrdinalIgnoreCase) || extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every project file below a folder, skipping bin, obj and .git folders, sorted by path.</summary>
    public static IReadOnlyList<string> FindInFolder(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(folder));
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*", options))
            {
                if (IsProjectFile(file))
                {
                    found.Add(file);
                }
            }

            foreach (var child in Directory.EnumerateDirectories(directory, "*", options))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
