namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>One parsed build statement of a manifest (test helper).</summary>
public sealed record ManifestBuild(
    IReadOnlyList<string> Targets,
    string Builder,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Depends,
    IReadOnlyList<string> OrderOnly,
    Dictionary<string, string> Overrides);
