namespace Toolkit.Optimizations.Slots;

/// <summary>
/// The rare per-node flags the baseline keeps in an attribute dictionary (SCons's node.attributes),
/// as bits of one byte: one byte per node instead of an 80-byte empty dictionary.
/// </summary>
[Flags]
public enum NodeFlags : byte
{
    /// <summary>No flag set.</summary>
    None = 0,
    /// <summary>Not removed before it is rebuilt (SCons's Precious).</summary>
    Precious = 1,
    /// <summary>Not removed by clean (SCons's NoClean).</summary>
    NoClean = 2,
    /// <summary>Always rebuilt (SCons's AlwaysBuild).</summary>
    AlwaysBuild = 4,
    /// <summary>Never taken from or put in a cache (SCons's NoCache).</summary>
    NoCache = 8,
}
