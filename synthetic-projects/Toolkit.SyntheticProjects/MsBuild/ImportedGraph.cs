namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>The static graph as ProjectGraph built it: its nodes (failed ones included, marked) and the entry projects.</summary>
public sealed record ImportedGraph(IReadOnlyList<ImportedNode> Nodes, IReadOnlyList<string> EntryProjects)
{
    /// <summary>The figures of the nodes that evaluated (what an independent ProjectGraph of the same tree shows when nothing fails).</summary>
    public GraphFigures Figures()
    {
        var good = Nodes.Where(n => n.Failure is null).ToList();
        var failed = Nodes.Where(n => n.Failure is not null).Select(n => n.ProjectPath).ToHashSet(ManifestPaths.Comparer);
        var direct = 0;
        var transitive = 0;
        var fileEdges = new HashSet<(string, string)>();
        foreach (var node in good)
        {
            foreach (var edge in node.References)
            {
                if (Nodes[edge.Target].Failure is null)
                {
                    if (!ManifestPaths.Comparer.Equals(node.ProjectPath, Nodes[edge.Target].ProjectPath))
                    {
                        fileEdges.Add((node.ProjectPath, Nodes[edge.Target].ProjectPath));
                    }

                    if (edge.Direct)
                    {
                        direct++;
                    }
                    else
                    {
                        transitive++;
                    }
                }
            }
        }

        return new GraphFigures(
            Nodes: good.Count,
            OuterBuilds: good.Count(n => n.Kind == ImportedNodeKind.Outer),
            ProjectFiles: good.Select(n => n.ProjectPath).Distinct(ManifestPaths.Comparer).Count(),
            DirectEdges: direct,
            TransitiveEdges: transitive,
            FileEdges: fileEdges.Count,
            CompileItems: good.Where(n => n.Kind != ImportedNodeKind.Outer).Sum(n => n.CompileItems.Count),
            FailedProjects: failed.Count);
    }
}
