namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// One ProjectGraph node (a project file evaluated with one set of global properties) reduced to
/// what the manifest needs, as full paths. Holds no MSBuild object, so the graph and its evaluations
/// can be released before the manifest is written.
/// </summary>
public sealed record ImportedNode
{
    /// <summary>The project file.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>Outer, inner or single build.</summary>
    public required ImportedNodeKind Kind { get; init; }

    /// <summary>The node's TargetFramework ("" for an outer build or a project that names none).</summary>
    public required string TargetFramework { get; init; }

    /// <summary>The framework as NuGet parses it (TargetFrameworkMoniker, TargetPlatformMoniker), for choosing the nearest framework of a reference.</summary>
    public required string TargetFrameworkMoniker { get; init; }

    /// <summary>The platform part (TargetPlatformMoniker, "" or "None" when there is none).</summary>
    public required string TargetPlatformMoniker { get; init; }

    /// <summary>The assembly the node builds (TargetPath); "" for an outer build or a project that defines none.</summary>
    public required string TargetPath { get; init; }

    /// <summary>The global properties beyond the importer's own, as NAME=VALUE;... (tells two nodes of one project and framework apart).</summary>
    public required string ExtraGlobalProperties { get; init; }

    /// <summary>Compile items in evaluation order, without duplicates (empty for an outer build).</summary>
    public required IReadOnlyList<string> CompileItems { get; init; }

    /// <summary>The node's edges in ProjectGraph, sorted by target.</summary>
    public required IReadOnlyList<ImportedEdge> References { get; init; }

    /// <summary>Why the node failed to evaluate (its edges are then empty), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>A short name for messages: the project file and, when it has one, the framework.</summary>
    public string Describe() =>
        Kind == ImportedNodeKind.Outer ? $"{ProjectPath} (outer build)"
        : TargetFramework.Length > 0 ? $"{ProjectPath} ({TargetFramework})"
        : ProjectPath;
}
