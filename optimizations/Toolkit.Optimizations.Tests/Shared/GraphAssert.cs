using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>Asserts that two stores answer every query alike, naming the first node or executor that differs.</summary>
internal static class GraphAssert
{
    /// <summary>Nodes, paths, kinds, directories, path lookups, edges of every kind, executors, builders, environments, targets.</summary>
    public static void SameGraph(INodeStore expected, INodeStore actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ExecutorCount, actual.ExecutorCount);
        for (var node = 0; node < expected.Count; node++)
        {
            var path = expected.GetPath(node);
            Assert.Equal(path, actual.GetPath(node));
            Assert.Equal(node, actual.FindNode(path));
            Assert.True(expected.GetKind(node) == actual.GetKind(node), $"kind of '{path}'");
            Assert.True(expected.GetDirectory(node) == actual.GetDirectory(node), $"directory of '{path}'");
            Assert.True(expected.GetExecutor(node) == actual.GetExecutor(node), $"executor of '{path}'");
            foreach (var kind in EdgeKinds.All)
            {
                Assert.True(Edges(expected, node, kind).SequenceEqual(Edges(actual, node, kind)), $"{kind} edges of '{path}'");
            }
        }

        for (var executor = 0; executor < expected.ExecutorCount; executor++)
        {
            Assert.Equal(expected.GetBuilder(executor), actual.GetBuilder(executor));
            Assert.Equal(expected.GetEnvironment(executor), actual.GetEnvironment(executor));
            Assert.Equal(Targets(expected, executor), Targets(actual, executor));
        }

        Assert.Equal(-1, actual.FindNode("no/such/file.c"));
        Assert.Equal(-1, actual.FindNode("d0/no-such.c"));
    }

    /// <summary>States, current and stored infos, and (when the variant keeps it) build info of every node.</summary>
    public static void SameBuildState(INodeStore expected, INodeStore actual, bool compareBuildInfo)
    {
        for (var node = 0; node < expected.Count; node++)
        {
            var path = expected.GetPath(node);
            Assert.True(expected.GetState(node) == actual.GetState(node), $"state of '{path}'");
            Assert.True(expected.GetInfo(node) == actual.GetInfo(node), $"info of '{path}'");
            Assert.True(expected.GetStoredInfo(node) == actual.GetStoredInfo(node), $"stored info of '{path}'");
            if (compareBuildInfo)
            {
                var want = expected.GetBuildInfo(node);
                var got = actual.GetBuildInfo(node);
                Assert.True((want is null) == (got is null), $"build info of '{path}'");
                if (want is not null && got is not null)
                {
                    Assert.Equal(want.CommandLine, got.CommandLine);
                    Assert.Equal(want.ActionSignature, got.ActionSignature);
                    Assert.Equal(want.BuildSignature, got.BuildSignature);
                    Assert.Equal(want.DependencySignatures, got.DependencySignatures);
                }
            }
        }
    }

    private static int[] Edges(INodeStore store, int node, EdgeKind kind)
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
