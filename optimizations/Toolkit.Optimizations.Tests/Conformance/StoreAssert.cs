using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// Asserts that a variant's store answers every query of the seam as the baseline's does, naming the
/// context (variant, project, step) and the first node or executor that differs.
/// </summary>
internal static class StoreAssert
{
    /// <summary>Nodes, paths, kinds, directories, lookups by path (found and missing), edges of every kind, executors, builders, environments, targets.</summary>
    public static void SameGraph(NodeStore expected, NodeStore actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {actual.Count} nodes, baseline {expected.Count}");
        Assert.True(expected.ExecutorCount == actual.ExecutorCount, $"{context}: {actual.ExecutorCount} executors, baseline {expected.ExecutorCount}");
        Assert.True(actual.IsLoaded, $"{context}: the store was not told loading is complete");
        for (var node = 0; node < expected.Count; node++)
        {
            var path = expected.GetPath(node);
            var where = $"{context}, node {node} '{path}'";
            Assert.True(path == actual.GetPath(node), $"{where}: path '{actual.GetPath(node)}'");
            Assert.True(actual.FindNode(path) == node, $"{where}: FindNode gives {actual.FindNode(path)}");
            Assert.True(actual.FindNode(path + ".missing") == -1, $"{where}: FindNode finds '{path}.missing'");
            Assert.True(expected.GetKind(node) == actual.GetKind(node), $"{where}: kind {actual.GetKind(node)}, baseline {expected.GetKind(node)}");
            Assert.True(expected.GetDirectory(node) == actual.GetDirectory(node), $"{where}: directory {actual.GetDirectory(node)}, baseline {expected.GetDirectory(node)}");
            Assert.True(expected.GetExecutor(node) == actual.GetExecutor(node), $"{where}: executor {actual.GetExecutor(node)}, baseline {expected.GetExecutor(node)}");
            foreach (var kind in EdgeKinds.All)
            {
                var want = Edges(expected, node, kind, where);
                var got = Edges(actual, node, kind, where);
                Assert.True(want.SequenceEqual(got), $"{where}: {kind} edges [{string.Join(", ", got)}], baseline [{string.Join(", ", want)}]");
            }
        }

        for (var executor = 0; executor < expected.ExecutorCount; executor++)
        {
            var where = $"{context}, executor {executor}";
            Assert.True(expected.GetBuilder(executor) == actual.GetBuilder(executor), $"{where}: builder {actual.GetBuilder(executor)}, baseline {expected.GetBuilder(executor)}");
            Assert.True(expected.GetEnvironment(executor) == actual.GetEnvironment(executor), $"{where}: environment {actual.GetEnvironment(executor)}, baseline {expected.GetEnvironment(executor)}");
            Assert.True(Targets(expected, executor, where).SequenceEqual(Targets(actual, executor, where)), $"{where}: targets differ");
        }

        Assert.True(actual.FindNode("no/such/file.c") == -1 && actual.FindNode(string.Empty) == -1, $"{context}: FindNode finds a path that is not there");
    }

    /// <summary>
    /// After a build: every node's state and current info agree (stored infos are compared before the build:
    /// a store may keep one info slot that the build's info replaces); build info agrees wherever the
    /// variant holds one, and a variant may have released one the baseline keeps but never hold one the
    /// baseline does not.
    /// </summary>
    public static void SameBuildState(NodeStore expected, NodeStore actual, string context)
    {
        for (var node = 0; node < expected.Count; node++)
        {
            var where = $"{context}, node {node} '{expected.GetPath(node)}'";
            Assert.True(expected.GetState(node) == actual.GetState(node), $"{where}: state {actual.GetState(node)}, baseline {expected.GetState(node)}");
            Assert.True(expected.GetInfo(node) == actual.GetInfo(node), $"{where}: info {actual.GetInfo(node)}, baseline {expected.GetInfo(node)}");
            if (actual.GetBuildInfo(node) is not { } got)
            {
                continue;
            }

            var want = expected.GetBuildInfo(node);
            Assert.True(want is not null, $"{where}: build info the baseline does not have");
            Assert.True(want.CommandLine == got.CommandLine, $"{where}: build info command '{got.CommandLine}', baseline '{want.CommandLine}'");
            Assert.True(want.ActionSignature == got.ActionSignature && want.BuildSignature == got.BuildSignature, $"{where}: build info signatures differ");
            Assert.True(want.DependencySignatures.SequenceEqual(got.DependencySignatures), $"{where}: build info dependency signatures differ");
        }
    }

    /// <summary>The edges of a kind, through the span API as the engine reads them (the count and the copy must agree).</summary>
    public static int[] Edges(NodeStore store, int node, EdgeKind kind, string context = "")
    {
        var edges = new int[store.EdgeCount(node, kind)];
        Assert.True(store.CopyEdges(node, kind, edges) == edges.Length, $"{context}: CopyEdges and EdgeCount disagree on {kind}");
        return edges;
    }

    private static int[] Targets(NodeStore store, int executor, string context)
    {
        var targets = new int[store.TargetCount(executor)];
        Assert.True(store.CopyTargets(executor, targets) == targets.Length, $"{context}: CopyTargets and TargetCount disagree");
        return targets;
    }
}
