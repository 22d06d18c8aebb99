namespace Toolkit.Engine.Scanning;

/// <summary>
/// A file as reached under one CPPPATH: its path, a dense id (for the walk's visited marks) and,
/// once resolved, the files its includes lead to, in directive order. After the first visit a walk
/// through it is pointer chasing, with no path joins or string hashing. Costs one small object plus
/// one array of references per file and CPPPATH.
/// </summary>
internal sealed class HeaderNode
{
    public HeaderNode(string path, int id)
    {
        Path = path;
        Id = id;
    }

    /// <summary>The normalized project-relative path.</summary>
    public string Path { get; }

    /// <summary>Dense per-scanner id, used to index visited marks.</summary>
    public int Id { get; }

    /// <summary>
    /// The resolved includes, or null until first resolved. Racing threads compute equal arrays, and a
    /// reference store is atomic, so publishing without a lock is safe.
    /// </summary>
    public HeaderNode[]? Children { get; set; }
}
