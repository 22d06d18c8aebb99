namespace Toolkit.Engine.Scanning;

/// <summary>
/// One <c>#include</c> (or <c>#include_next</c> / <c>#import</c>) found in a file: the header name as
/// written between the delimiters, and whether it was written <c>&lt;name&gt;</c> (angle) or
/// <c>"name"</c> (quoted). <see cref="IsNext"/> marks <c>#include_next</c> (the search goes on after the
/// directory the including file was found in); <see cref="IsComputed"/> marks <c>#include MACRO</c>,
/// whose <see cref="Name"/> is then the unexpanded text after the directive (the conservative scanner
/// cannot follow it and names it in a warning). Costs one string reference and three bools per
/// directive: 16 bytes, as the two-field form did.
/// </summary>
public readonly record struct IncludeDirective(string Name, bool IsAngle, bool IsNext = false, bool IsComputed = false)
{
    /// <summary>The directive as it would be written in C, e.g. <c>&lt;stdio.h&gt;</c> or <c>"a.h"</c>.</summary>
    public override string ToString() => IsComputed ? Name : IsAngle ? "<" + Name + ">" : "\"" + Name + "\"";
}
