namespace Toolkit.Harness.Reporting.Excerpts;

/// <summary>A marked region of the project's source: the file (repository-relative, '/') and the region's name.</summary>
public sealed record ExcerptRef(string File, string Name);
