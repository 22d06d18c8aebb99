namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>What <see cref="CompileCommandsImporter.Import"/> read and wrote, and what the engine's scanner found with each entry's flags.</summary>
public sealed record CompileCommandsResult
{
    public required string ManifestPath { get; init; }

    public required string RootDirectory { get; init; }

    /// <summary>Entries in the file.</summary>
    public required int Entries { get; init; }

    /// <summary>Object builds written (an entry whose output another entry already builds is left out, with a warning).</summary>
    public required int Objects { get; init; }

    /// <summary>Distinct sources.</summary>
    public required int Sources { get; init; }

    /// <summary>Distinct flag sets (compiler, flags, include path, defines): one environment each.</summary>
    public required int FlagSets { get; init; }

    /// <summary>Headers the engine's scanner found, following each entry's include path.</summary>
    public required int Headers { get; init; }

    /// <summary>Scanned (implicit) edges from objects to headers.</summary>
    public required long HeaderEdges { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
