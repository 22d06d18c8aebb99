namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>One ProjectGraph edge, from a node to the node at <paramref name="Target"/> (an index into <see cref="ImportedGraph.Nodes"/>).</summary>
/// <param name="Target">The referenced node.</param>
/// <param name="Direct">
/// True when the referencing node names the target's project file in a ProjectReference item, or is
/// the outer build of the target; false for an edge the static graph adds for the closure
/// (AddTransitiveProjectReferencesInStaticGraph).
/// </param>
public readonly record struct ImportedEdge(int Target, bool Direct);
