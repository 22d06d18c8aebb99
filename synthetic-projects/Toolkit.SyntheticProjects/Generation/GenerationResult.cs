namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// What <see cref="ProjectGenerator.Generate"/> wrote. The graph counts follow the engine's own
/// definition (see <see cref="GraphCounts"/>): Nodes = source files + headers + derived files
/// (objects, libraries, the program) + one directory node per directory holding any of them
/// (including the project root ".") + alias nodes (<c>all</c>); Edges = for each derived node its
/// sources + explicit dependencies + implicit dependencies (its transitive header closure, each
/// header once).
/// </summary>
/// <param name="Options">The options the project was generated from.</param>
/// <param name="Counts">The graph counts.</param>
/// <param name="FilesWritten">Every file written: sources, headers, manifest, peer build files, generated.json and generated.files.</param>
/// <param name="BytesWritten">Total bytes of those files.</param>
/// <param name="Elapsed">Wall time of the generation.</param>
public sealed record GenerationResult(GeneratorOptions Options, GraphCounts Counts, long FilesWritten, long BytesWritten, TimeSpan Elapsed)
{
    /// <summary>C source files (.c), including bin/main.c and large files.</summary>
    public long Sources => Counts.Sources;

    /// <summary>Header files (.h).</summary>
    public long Headers => Counts.Headers;

    /// <summary>Objects + libraries + the program.</summary>
    public long DerivedFiles => Counts.DerivedFiles;

    /// <summary>Directory nodes, including the project root.</summary>
    public long Directories => Counts.Directories;

    /// <summary>All graph nodes (see <see cref="GraphCounts"/>).</summary>
    public long Nodes => Counts.Nodes;

    /// <summary>All graph edges (see <see cref="GraphCounts"/>).</summary>
    public long Edges => Counts.Edges;
}
