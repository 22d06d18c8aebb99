namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// What an import produced: where the manifest is, its root, and the counts of what it holds
/// (projects, direct project references, compile items) with the projects that failed.
/// </summary>
public sealed record MsBuildImportResult
{
    /// <summary>The manifest file written (DIR/toolkit.manifest).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The absolute directory every manifest path is relative to (the manifest's <c>root</c>).</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Projects written to the manifest, one build statement each.</summary>
    public required int Projects { get; init; }

    /// <summary>Direct ProjectReference edges written (a reference to a failed project is not counted).</summary>
    public required int ProjectReferences { get; init; }

    /// <summary>Compile items written, summed over projects.</summary>
    public required int CompileItems { get; init; }

    /// <summary>The full paths of the imported project files, in manifest order.</summary>
    public required IReadOnlyList<string> ImportedProjects { get; init; }

    /// <summary>Projects that failed, or were imported without part of what they declare, with reasons.</summary>
    public required IReadOnlyList<MsBuildImportFailure> Failures { get; init; }

    /// <summary>Wall time of the whole import, evaluation and writing.</summary>
    public required TimeSpan Elapsed { get; init; }
}
