namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Splits each node's ProjectGraph edges into the dependencies its output is built from and the
/// ordering-only ones, as a build of the graph uses them. Of a node's direct references, a
/// single-framework project is a dependency and, of a multi-targeted one, only the inner build of
/// the nearest framework (<see cref="FrameworkMatcher"/>); a transitive edge is a dependency when
/// its target is a dependency of one of those, at any depth. Every other edge (to an outer build,
/// to another framework's inner build, to what only another framework references) is order-only:
/// it runs first in a graph build, but its output is not an input. An outer build depends on all
/// its inner builds. Call <see cref="Split"/> for the nodes in dependencies-first order.
/// </summary>
internal sealed class NodeDependencies(IReadOnlyList<ImportedNode> nodes, Func<int, bool> accepted)
{
    private readonly HashSet<int>?[] _closures = new HashSet<int>?[nodes.Count];

    /// <summary>The accepted edges of node <paramref name="id"/>, split; <paramref name="notes"/> gets what could not be matched.</summary>
    public (List<int> Depends, List<int> OrderOnly) Split(int id, List<string> notes)
    {
        var node = nodes[id];
        var targets = node.References.Where(edge => accepted(edge.Target)).ToList();
        var chosen = node.Kind == ImportedNodeKind.Outer
            ? targets.Select(edge => edge.Target).ToHashSet()
            : ChooseDirect(node, targets.Where(edge => edge.Direct).Select(edge => edge.Target), notes);
        var closure = new HashSet<int>(chosen);
        foreach (var dependency in chosen)
        {
            if (_closures[dependency] is { } further)
            {
                closure.UnionWith(further);
            }
        }

        _closures[id] = closure;
        var depends = new List<int>();
        var orderOnly = new List<int>();
        foreach (var edge in targets)
        {
            (closure.Contains(edge.Target) ? depends : orderOnly).Add(edge.Target);
        }

        return (depends, orderOnly);
    }

    private HashSet<int> ChooseDirect(ImportedNode node, IEnumerable<int> direct, List<string> notes)
    {
        var chosen = new HashSet<int>();
        foreach (var group in direct.GroupBy(target => nodes[target].ProjectPath, ManifestPaths.Comparer))
        {
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
                if (nearest < 0)
                {
                    notes.Add($"no framework of {group.Key} ({string.Join(", ", inner.Select(i => nodes[i].TargetFramework))}) is compatible with {node.Describe()}: its inner builds are order-only");
                }
                else
                {
                    chosen.Add(inner[nearest]);
                }
            }
        }

        return chosen;
    }
}
