namespace Toolkit.Engine.Manifest;

/// <summary>
/// One <c>build</c> statement as read, with its block lines. The reader reuses a single instance
/// for every statement (a million statements must not mean a million of these), and its path lists
/// are <see cref="ManifestTokenList"/>s (spans in a reused arena, no string per path), so a handler
/// copies what it keeps before returning.
/// </summary>
public sealed class BuildStatement
{
    /// <summary>The 1-based line of the statement.</summary>
    public int Line { get; internal set; }

    /// <summary>The builder's name as written.</summary>
    public string Builder { get; internal set; } = string.Empty;

    /// <summary>Paths the action writes.</summary>
    public ManifestTokenList Targets { get; } = new();

    /// <summary>Paths the action reads.</summary>
    public ManifestTokenList Sources { get; } = new();

    /// <summary>Explicit extra dependencies (after <c>|</c>).</summary>
    public ManifestTokenList Depends { get; } = new();

    /// <summary>Order-only prerequisites (after <c>||</c>).</summary>
    public ManifestTokenList OrderOnly { get; } = new();

    /// <summary>The <c>ignore =</c> block line's paths.</summary>
    public ManifestTokenList Ignore { get; } = new();

    /// <summary>The <c>side-effects =</c> block line's paths.</summary>
    public ManifestTokenList SideEffects { get; } = new();

    /// <summary>Construction variables overridden for this statement only.</summary>
    public List<KeyValuePair<string, string>> Overrides { get; } = [];

    internal void Clear()
    {
        Targets.Clear();
        Sources.Clear();
        Depends.Clear();
        OrderOnly.Clear();
        Ignore.Clear();
        SideEffects.Clear();
        Overrides.Clear();
        Builder = string.Empty;
        Line = 0;
    }
}
