namespace Toolkit.Build;

/// <summary>
/// The files mapped into this process, by name, in one line (from <c>/proc/self/maps</c>; empty where there is no
/// such file): for checking what a run loaded, e.g. that a dry run or a null build maps no OpenSSL (libcrypto,
/// libssl: docs/measuring.md, "Where the dry run's memory goes"). Printed by <c>TOOLKIT_MAPPED_FILES=1</c>.
/// </summary>
public static class MappedFiles
{
    /// <summary>The line: <c>mapped: NAME NAME ...</c>, each file once, in the order of their first mapping.</summary>
    public static string Describe()
    {
        const string maps = "/proc/self/maps";
        var names = File.Exists(maps)
            ? File.ReadLines(maps).Select(FileOf).Where(path => path.StartsWith('/')).Select(Path.GetFileName).Distinct()
            : [];
        return "mapped: " + string.Join(' ', names);
    }

    // A line of maps is "START-END PERMS OFFSET DEV INODE [PATH]"; the path is what follows the fifth field.
    private static string FileOf(string line)
    {
        var rest = line.AsSpan();
        for (var field = 0; field < 5; field++)
        {
            rest = rest.TrimStart(' ');
            var end = rest.IndexOf(' ');
            rest = end < 0 ? [] : rest[end..];
        }

        return rest.Trim().ToString();
    }
}
