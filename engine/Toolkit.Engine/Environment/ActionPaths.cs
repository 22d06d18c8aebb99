namespace Toolkit.Engine.Environments;

/// <summary>
/// The paths one action substitutes for <c>$TARGET</c>, <c>$TARGETS</c>, <c>$SOURCE</c> and
/// <c>$SOURCES</c>. A ref struct over spans, so a caller can pass pooled or stack-held arrays:
/// substituting costs no allocation for the paths themselves.
/// </summary>
public readonly ref struct ActionPaths
{
    /// <summary>Wraps the targets and sources of an action, in order.</summary>
    public ActionPaths(ReadOnlySpan<string> targets, ReadOnlySpan<string> sources)
    {
        Targets = targets;
        Sources = sources;
    }

    /// <summary>No targets and no sources: the path variables expand to nothing.</summary>
    public static ActionPaths None => default;

    /// <summary>The targets; <c>$TARGET</c> is the first, <c>$TARGETS</c> all of them.</summary>
    public ReadOnlySpan<string> Targets { get; }

    /// <summary>The sources; <c>$SOURCE</c> is the first, <c>$SOURCES</c> all of them.</summary>
    public ReadOnlySpan<string> Sources { get; }
}
