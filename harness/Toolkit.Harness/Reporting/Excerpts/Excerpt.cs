using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Excerpts;

/// <summary>
/// A region cut from a source file: its code, or why it was not found (<see cref="Missing"/>
/// holds "excerpt not found: NAME in FILE" and the reason).
/// </summary>
public sealed record Excerpt(SourceRegion Ref, string? Code, string? Missing, bool DocCommentsLeftOut, int LinesLeftOut);
