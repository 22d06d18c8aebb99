using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>Asserts that two stores answer every graph query alike.</summary>
public static class StoreAssert
{
    /// <summary>Paths, kinds, directories, executors, every edge kind, builders, environments, targets, and lookups by path.</summary>
    public static void SameGraph(INodeStore expected, INodeStore actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ExecutorCount, actual.ExecutorCount);
        for (var node = 0; node < expected.Count; node++)
        {
            var path = expected.GetPath(node);
            Assert.Equal(path, actual.GetPath(node));
            Assert.Equal(node, actual.FindNode(path));
            Assert.Equal(expected.GetKind(node), actual.GetKind(node));
            Assert.Equal(expected.GetDirectory(node), actual.GetDirectory(node));
            Assert.Equal(expected.GetExecutor(node), actual.GetExecutor(node));
            foreach (var kind in EdgeKinds.All)
            {
                Assert.Equal(Edges(expected, node, kind), Edges(actual, node, kind));
            }

            Assert.Equal(-1, actual.FindNode(path + ".missing"));
        }

        for (var executor = 0; executor < expected.ExecutorCount; executor++)
        {
            Assert.Equal(expected.GetBuilder(executor), actual.GetBuilder(executor));
            Assert.Equal(expected.GetEnvironment(executor), actual.GetEnvironment(executor));
            Assert.Equal(Targets(expected, executor), Targets(actual, executor));
        }
    }

    /// <summary>The edges of a kind, through the span API as the engine reads them.</summary>
    public static int[] Edges(INodeStore store, int node, EdgeKind kind)
    {
        var edges = new int[store.EdgeCount(node, kind)];
        Assert.Equal(edges.Length, store.CopyEdges(node, kind, edges));
        return edges;
    }

    private static int[] Targets(INodeStore store, int executor)
    {
        var targets = new int[store.TargetCount(executor)];
        Assert.Equal(targets.Length, store.CopyTargets(executor, targets));
        return targets;
    }
}
