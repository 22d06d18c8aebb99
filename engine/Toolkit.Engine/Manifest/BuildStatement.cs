namespace Toolkit.Engine.Manifest;

/// <summary>
/// One <c>build</c> statement as read, with its block lines. The reader reuses a single instance
/// for every statement (a million statements must not mean a million of these), so a handler
/// copies what it keeps before returning.
/// </summary>
public sealed class BuildStatement
{
    /// <summary>The 1-based line of the statement.</summary>
    public int Line { get; internal set; }

    /// <summary>The builder's name as written.</summary>
    public string Builder { get; internal set; } = string.Empty;

    /// <summary>Paths the action writes.</summary>
    public List<string> Targets { get; } = [];

    /// <summary>Paths the action reads.</summary>
    public List<string> Sources { get; } = [];

    /// <summary>Explicit extra dependencies (after <c>|</c>).</summary>
    public List<string> Depends { get; } = [];

    /// <summary>Order-only prerequisites (after <c>||</c>).</summary>
    public List<string> OrderOnly { get; } = [];

    /// <summary>The <c>ignore =</c> block line's paths.</summary>
    public List<string> Ignore { get; } = [];

    /// <summary>The <c>side-effects =</c> block line's paths.</summary>
    public List<string> SideEffects { get; } = [];

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
