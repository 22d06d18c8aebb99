namespace Toolkit.Engine.Scanning;

/// <summary>
/// One <c>#include</c> (or <c>#include_next</c> / <c>#import</c>) found in a file: the header name as
/// written between the delimiters, and whether it was written <c>&lt;name&gt;</c> (angle) or
/// <c>"name"</c> (quoted). Costs one string reference and a bool per directive.
/// </summary>
public readonly record struct IncludeDirective(string Name, bool IsAngle)
{
    /// <summary>The directive as it would be written in C, e.g. <c>&lt;stdio.h&gt;</c> or <c>"a.h"</c>.</summary>
    public override string ToString() => IsAngle ? "<" + Name + ">" : "\"" + Name + "\"";
}
