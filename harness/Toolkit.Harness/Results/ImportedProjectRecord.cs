namespace Toolkit.Harness.Results;

/// <summary>The project a <c>toolkit scale --project DIR</c> run measured, in place of a generated project's shape and seed.</summary>
/// <param name="Path">The project directory given (holding toolkit.manifest), absolute.</param>
/// <param name="Importer">What wrote its manifest: "import-ninja", "import-compdb", "import-msbuild", "generate" or "manifest".</param>
/// <param name="Input">The file the importer read (build.ninja, compile_commands.json, the solution), or null.</param>
/// <param name="Root">The tree the manifest's paths name.</param>
/// <param name="PeerDirectory">Where the peers ran (the imported build.ninja's directory, or the root), read-only.</param>
/// <param name="MeasuredCopy">The private copy the engine's variants built and cleaned.</param>
/// <param name="Nodes">Nodes of the engine's graph (after the scan, from the footprint runs; the manifest's when none ran).</param>
/// <param name="Edges">Edges of the engine's graph, likewise.</param>
/// <param name="Statements">Build statements of the manifest.</param>
/// <param name="Sources">Input files no statement builds, headers left out: the size the pages call "sources".</param>
/// <param name="Headers">Header files among the inputs.</param>
/// <param name="Outputs">Files the statements write.</param>
/// <param name="MissingInputs">Inputs named by the manifest that were not on disk (not copied).</param>
public sealed record ImportedProjectRecord(string Path, string Importer, string? Input, string Root, string PeerDirectory, string MeasuredCopy, long Nodes, long Edges, int Statements, long Sources, long Headers, long Outputs, int MissingInputs);
