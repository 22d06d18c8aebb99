namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// What <see cref="NinjaImporter.Import"/> read and wrote, counted as ninja counts: files read
/// (build.ninja and its includes), rules, build statements (phony apart), outputs (what
/// <c>ninja -t targets all</c> lists), nodes (every path named, header dependencies included),
/// inputs by kind, and header dependencies with where they came from.
/// </summary>
public sealed record NinjaImportResult
{
    public required string ManifestPath { get; init; }

    public required string RootDirectory { get; init; }

    public required int FilesRead { get; init; }

    public required int Rules { get; init; }

    /// <summary>Build statements with a command (not phony): one Command build each.</summary>
    public required int BuildStatements { get; init; }

    /// <summary>Phony statements: an alias each when they have inputs; one without inputs only names a file.</summary>
    public required int PhonyStatements { get; init; }

    /// <summary>Every output of every statement, phony ones included (<c>ninja -t targets all</c>).</summary>
    public required int Outputs { get; init; }

    /// <summary>Distinct paths: outputs, inputs and header dependencies.</summary>
    public required int Nodes { get; init; }

    public required int ExplicitInputs { get; init; }

    public required int ImplicitInputs { get; init; }

    public required int OrderOnlyInputs { get; init; }

    /// <summary>Header dependencies written (from the deps log or depfiles), summed over statements (<c>ninja -t deps</c>'s counts).</summary>
    public required int HeaderDependencies { get; init; }

    /// <summary>Statements whose header dependencies were found.</summary>
    public required int StatementsWithHeaderDependencies { get; init; }

    /// <summary>Where header dependencies came from: the deps log's path, "depfiles", or "none".</summary>
    public required string HeaderDependencySource { get; init; }

    public required int Defaults { get; init; }

    /// <summary>What was read but not imported, or read with damage (a truncated deps log), one line each.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
