namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The size of a generated project's graph, counted exactly as the engine counts its graph after
/// loading the manifest and scanning the sources:
/// <list type="bullet">
/// <item><see cref="Sources"/>: C source files (.c), including bin/main.c and large files.</item>
/// <item><see cref="Headers"/>: header files (.h), local and shared.</item>
/// <item><see cref="DerivedFiles"/>: objects + libraries + the program.</item>
/// <item><see cref="Directories"/>: one directory node per directory holding any of the files above,
/// plus the project root ".".</item>
/// <item><see cref="Nodes"/>: Sources + Headers + DerivedFiles + Directories + alias nodes (the manifest's
/// one alias, <c>all</c>).</item>
/// <item><see cref="Edges"/>: for each derived node, its sources + its explicit dependencies + its implicit
/// dependencies (the transitive closure of the headers its source includes, each header once).
/// Alias members are edges too (the engine keeps them as the alias's explicit dependencies);
/// file-to-directory links are not.</item>
/// </list>
/// </summary>
public sealed record GraphCounts(long Sources, long Headers, long DerivedFiles, long Directories, long Aliases, long Edges)
{
    /// <summary>Every node: files, derived files, directories and aliases.</summary>
    public long Nodes => Sources + Headers + DerivedFiles + Directories + Aliases;
}
