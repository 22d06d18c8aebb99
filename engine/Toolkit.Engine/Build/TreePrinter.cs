using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Build;

/// <summary>
/// Prints the dependency tree as SCons's <c>--tree=all</c> does (<c>+-</c> before each node, <c>| </c>
/// down the left while siblings follow), or with <c>prune</c> printing a subtree once and
/// <c>[path]</c> where it repeats. Iterative: a deep chain does not overflow the stack.
/// Children are a node's sources, explicit and implicit dependencies, as SCons's node.children().
/// </summary>
public static class TreePrinter
{
    /// <summary>Writes the tree of each target.</summary>
    public static void Write(TextWriter output, BuildGraph graph, IReadOnlyList<int> targets, bool prune)
    {
        var store = graph.Store;
        var printed = prune ? new bool[store.Count] : null;
        var stack = new Stack<(int Node, string Prefix, bool Last)>();
        var children = new List<int>();
        for (var t = targets.Count - 1; t >= 0; t--)
        {
            stack.Push((targets[t], string.Empty, true));
        }

        while (stack.Count > 0)
        {
            var (node, prefix, last) = stack.Pop();
            var path = store.GetPath(node);
            if (printed is not null && printed[node] && Children(store, node, children) > 0)
            {
                output.Write(prefix);
                output.Write("+-[");
                output.Write(path);
                output.Write("]\n");
                continue;
            }

            output.Write(prefix);
            output.Write("+-");
            output.Write(path);
            output.Write('\n');
            if (printed is not null)
            {
                printed[node] = true;
            }

            var childPrefix = prefix + (last ? "  " : "| ");
            Children(store, node, children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], childPrefix, i == children.Count - 1));
            }
        }
    }

    private static int Children(NodeStore store, int node, List<int> into)
    {
        into.Clear();
        foreach (var kind in (ReadOnlySpan<EdgeKind>)[EdgeKind.Sources, EdgeKind.Depends, EdgeKind.Implicit])
        {
            var count = store.EdgeCount(node, kind);
            var edges = new int[count];
            store.CopyEdges(node, kind, edges);
            into.AddRange(edges);
        }

        return into.Count;
    }
}
