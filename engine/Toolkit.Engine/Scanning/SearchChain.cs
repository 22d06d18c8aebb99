namespace Toolkit.Engine.Scanning;

/// <summary>
/// The exact scanner's include search chain for one configuration, built as gcc's incpath.c merges
/// its chains: the <c>-iquote</c> directories, then <c>-I</c>, then the system part (<c>-isystem</c>, the
/// compiler's own directories unless <c>-nostdinc</c>, <c>-idirafter</c>). Duplicates are removed keeping
/// the first, and a <c>-I</c> or <c>-iquote</c> directory that is also a system directory is removed (gcc:
/// "as it is a non-system directory that duplicates a system directory"), so its headers stay system
/// headers and are not listed. Directories are canonical (<see cref="ScanPaths"/>). Unlike gcc, a
/// directory that does not exist is kept: it may hold a header the build will generate.
/// </summary>
internal sealed class SearchChain
{
    private SearchChain(string[] directories, bool[] isSystem, int bracketStart)
    {
        Directories = directories;
        IsSystem = isSystem;
        BracketStart = bracketStart;
    }

    /// <summary>The directories in search order.</summary>
    public string[] Directories { get; }

    /// <summary>Per directory: true when its headers are system headers.</summary>
    public bool[] IsSystem { get; }

    /// <summary>Where angle includes start.</summary>
    public int BracketStart { get; }

    /// <summary>Builds the chain from canonical directory lists.</summary>
    public static SearchChain Create(IReadOnlyList<string> quote, IReadOnlyList<string> bracket, IReadOnlyList<string> system)
    {
        var systemPart = Distinct(system, exclude: null);
        var systemSet = new HashSet<string>(systemPart, StringComparer.Ordinal);
        var bracketPart = Distinct(bracket, systemSet);
        var quotePart = Distinct(quote, systemSet);
        if (quotePart.Count > 0 && bracketPart.Count > 0 && quotePart[^1] == bracketPart[0])
        {
            quotePart.RemoveAt(quotePart.Count - 1);
        }

        var directories = new List<string>(quotePart);
        directories.AddRange(bracketPart);
        var bracketStart = quotePart.Count;
        var systemStart = directories.Count;
        directories.AddRange(systemPart);
        var isSystem = new bool[directories.Count];
        for (var i = systemStart; i < isSystem.Length; i++)
        {
            isSystem[i] = true;
        }

        return new SearchChain(directories.ToArray(), isSystem, bracketStart);
    }

    private static List<string> Distinct(IReadOnlyList<string> directories, HashSet<string>? exclude)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(directories.Count);
        foreach (var directory in directories)
        {
            if (seen.Add(directory) && exclude?.Contains(directory) != true)
            {
                result.Add(directory);
            }
        }

        return result;
    }
}
