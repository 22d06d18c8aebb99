namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// What an import produced: where the manifest is, its root, ProjectGraph's figures (<see cref="Graph"/>),
/// what was written, and the projects that failed with their reasons.
/// </summary>
public sealed record MsBuildImportResult
{
    /// <summary>The manifest file written (DIR/toolkit.manifest).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The absolute directory every manifest path is relative to (the manifest's <c>root</c>).</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The static graph's figures, counted on ProjectGraph's nodes that evaluated.</summary>
    public required GraphFigures Graph { get; init; }

    /// <summary>Statements written, one per node (an output's Command build, or an alias).</summary>
    public required int Nodes { get; init; }

    /// <summary>ProjectGraph edges written (equal to <see cref="GraphFigures.Edges"/> unless a node was left out).</summary>
    public required int Edges { get; init; }

    /// <summary>Of <see cref="Edges"/>, those written as dependencies: the outputs each node builds against (one framework per reference).</summary>
    public required int Dependencies { get; init; }

    /// <summary>Compile items written, summed over nodes.</summary>
    public required int CompileItems { get; init; }

    /// <summary>The full paths of the imported project files, in manifest order.</summary>
    public required IReadOnlyList<string> ImportedProjects { get; init; }

    /// <summary>The graph itself, for callers that check it (tests, an independent comparison).</summary>
    public required ImportedGraph StaticGraph { get; init; }

    /// <summary>Projects that failed, or nodes left out, with reasons.</summary>
    public required IReadOnlyList<MsBuildImportFailure> Failures { get; init; }

    /// <summary>Wall time of the whole import, evaluation and writing.</summary>
    public required TimeSpan Elapsed { get; init; }
}
