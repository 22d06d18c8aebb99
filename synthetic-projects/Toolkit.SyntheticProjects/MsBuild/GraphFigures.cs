namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// The figures of a static graph, counted as ProjectGraph holds it: nodes (one per project and
/// framework, plus outer builds), distinct project files, edges split into direct and transitive
/// (<see cref="ImportedEdge.Direct"/>), file edges (distinct pairs of different project files
/// joined by an edge: the graph with frameworks folded), Compile items summed over the nodes that compile (inner and
/// single builds), and the project files that failed to evaluate (left out of every other figure).
/// </summary>
public sealed record GraphFigures(int Nodes, int OuterBuilds, int ProjectFiles, int DirectEdges, int TransitiveEdges, int FileEdges, int CompileItems, int FailedProjects)
{
    /// <summary>Every edge, direct and transitive.</summary>
    public int Edges => DirectEdges + TransitiveEdges;

    /// <summary>One line, as the CLI prints it.</summary>
    public override string ToString() =>
        $"nodes {Nodes} ({OuterBuilds} outer builds), project files {ProjectFiles}, edges {Edges} (direct {DirectEdges}, transitive {TransitiveEdges}; {FileEdges} between project files), Compile items {CompileItems}, failed projects {FailedProjects}";
}
