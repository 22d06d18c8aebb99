using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// What a scanner keeps per distinct CPPPATH list: the normalized directories and, per file scanned
/// under it, the headers its directives resolve to, in directive order. Resolution depends only on
/// the includer's directory, the directive and the CPPPATH, so the resolved list of a file is the same
/// whichever source reached it: it is computed once and shared by every source using this CPPPATH.
/// Saves re-resolving (path joins and stat-cache lookups) on every visit; costs one array of shared
/// path references per scanned file.
/// </summary>
internal sealed class SearchContext
{
    public SearchContext(string[] directories)
    {
        Directories = directories;
    }

    /// <summary>The CPPPATH directories, normalized, with those outside the project dropped.</summary>
    public string[] Directories { get; }

    /// <summary>File path to the headers its includes resolve to (unfound ones left out).</summary>
    public ConcurrentDictionary<string, string[]> Resolved { get; } = new(StringComparer.Ordinal);
}
