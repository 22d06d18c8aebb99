namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>What <see cref="ImportManifestWriter"/> wrote: its root, the counts and the project files, in manifest order.</summary>
/// <param name="Root">The absolute directory the manifest's paths are relative to.</param>
/// <param name="Nodes">Statements written, one per ProjectGraph node that imported.</param>
/// <param name="Edges">ProjectGraph edges written, dependencies and order-only together.</param>
/// <param name="Dependencies">Of those, the edges written as dependencies (<c>|</c>): the outputs a node builds against.</param>
/// <param name="CompileItems">Compile items written, summed over nodes.</param>
/// <param name="ImportedProjects">The distinct project files written.</param>
internal sealed record WrittenManifest(string Root, int Nodes, int Edges, int Dependencies, int CompileItems, IReadOnlyList<string> ImportedProjects);
