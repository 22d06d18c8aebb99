namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Splits each node's ProjectGraph edges into the dependencies its output is built from and the
/// ordering-only ones, as a build of the graph uses them. A project file is a dependency of a node
/// when the node references it directly, or when it is a dependency of one of those, at any depth
/// (the SDK flows transitive ProjectReferences to the referencing project). For each such project
/// file, a single-framework project's output is the dependency; of a multi-targeted one only the
/// inner build of the framework nearest to this node's own (<see cref="FrameworkMatcher"/>), chosen
/// for this node, not inherited from the project it came through. Every other edge (to an outer
/// build, to another framework's inner build, to what only another framework references) is
/// order-only: it runs first in a graph build, but its output is not an input. An outer build
/// depends on all its inner builds. Call <see cref="Split"/> for the nodes in dependencies-first order.
/// </summary>
internal sealed class NodeDependencies(IReadOnlyList<ImportedNode> nodes, Func<int, bool> accepted)
{
    // Per node: the project files its output depends on, at any depth.
    private readonly HashSet<string>?[] _closures = new HashSet<string>?[nodes.Count];

    /// <summary>The accepted edges of node <paramref name="id"/>, split; <paramref name="notes"/> gets what could not be matched.</summary>
    public (List<int> Depends, List<int> OrderOnly) Split(int id, List<string> notes)
    {
        var node = nodes[id];
        var targets = node.References.Where(edge => accepted(edge.Target)).ToList();
        if (node.Kind == ImportedNodeKind.Outer)
        {
            _closures[id] = [.. targets.SelectMany(edge => (_closures[edge.Target] ?? []).Append(nodes[edge.Target].ProjectPath))];
            return ([.. targets.Select(edge => edge.Target)], []);
        }

        var files = new HashSet<string>(ManifestPaths.Comparer);
        foreach (var dependency in Choose(node, targets.Where(edge => edge.Direct).Select(edge => edge.Target), null, notes))
        {
            files.Add(nodes[dependency].ProjectPath);
            files.UnionWith(_closures[dependency] ?? []);
        }

        _closures[id] = files;
        var chosen = Choose(node, targets.Select(edge => edge.Target), files, notes);
        var depends = new List<int>();
        var orderOnly = new List<int>();
        foreach (var edge in targets)
        {
            (chosen.Contains(edge.Target) ? depends : orderOnly).Add(edge.Target);
        }

        return (depends, orderOnly);
    }

    /// <summary>Per project file among <paramref name="targets"/> (only those in <paramref name="files"/> when given): its single build, or its nearest inner build.</summary>
    private HashSet<int> Choose(ImportedNode node, IEnumerable<int> targets, HashSet<string>? files, List<string> notes)
    {
        var chosen = new HashSet<int>();
        foreach (var group in targets.GroupBy(target => nodes[target].ProjectPath, ManifestPaths.Comparer))
        {
            if (files is not null && !files.Contains(group.Key))
            {
                continue;
            }

            var inner = new List<int>();
            var hasOuter = false;
            foreach (var target in group)
            {
                switch (nodes[target].Kind)
                {
                    case ImportedNodeKind.Single:
                        chosen.Add(target);
                        break;
                    case ImportedNodeKind.Outer:
                        hasOuter = true;
                        break;
                    default:
                        inner.Add(target);
                        break;
                }
            }

            if (inner.Count == 1 && !hasOuter)
            {
                // A reference pinned to one framework (SetTargetFramework).
                chosen.Add(inner[0]);
            }
            else if (inner.Count > 0)
            {
                var nearest = FrameworkMatcher.Nearest(node, [.. inner.Select(i => nodes[i])]);
                if (nearest >= 0)
                {
                    chosen.Add(inner[nearest]);
                }
                else if (files is null)
                {
                    notes.Add($"no framework of {group.Key} ({string.Join(", ", inner.Select(i => nodes[i].TargetFramework))}) is compatible with {node.Describe()}: its inner builds are order-only");
                }
            }
        }

        return chosen;
    }
}
