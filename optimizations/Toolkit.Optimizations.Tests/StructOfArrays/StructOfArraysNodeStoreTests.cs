using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations.StructOfArrays;
using Toolkit.Optimizations.Tests.Conformance;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>The store's own contract: loading rules, executors, the one info slot, build info release.</summary>
public sealed class StructOfArraysNodeStoreTests
{
    [Fact]
    public void Executors_with_one_and_several_targets_answer_alike()
    {
        var store = new StructOfArraysNodeStore("/p");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var a = store.AddNode("a.o", NodeKind.Object, root);
        var b = store.AddNode("b.h", NodeKind.DerivedFile, root);
        var c = store.AddNode("c.c", NodeKind.DerivedFile, root);
        var single = store.AddExecutor(BuilderKind.Object, 3, [a]);
        var multi = store.AddExecutor(BuilderKind.Command, 1, [b, c]);
        store.CompleteLoad();

        Assert.Equal(BuilderKind.Command, store.GetBuilder(multi));
        Assert.Equal(3, store.GetEnvironment(single));
        Assert.Equal(1, store.TargetCount(single));
        var targets = new int[2];
        Assert.Equal(2, store.CopyTargets(multi, targets));
        Assert.Equal([b, c], targets);
        Assert.Equal(multi, store.GetExecutor(c));
        Assert.Equal(-1, store.GetExecutor(root));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetBuilder(2));
    }

    [Fact]
    public void Nothing_is_added_after_loading_but_implicit_edges_still_change()
    {
        var store = new StructOfArraysNodeStore("/p");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var h = store.AddNode("h.h", NodeKind.Header, root);
        var o = store.AddNode("o.o", NodeKind.Object, root);
        store.CompleteLoad();

        Assert.Throws<InvalidOperationException>(() => store.AddNode("x.c", NodeKind.SourceFile, root));
        Assert.Throws<InvalidOperationException>(() => store.AddEdge(o, EdgeKind.Sources, h));
        Assert.Throws<InvalidOperationException>(() => store.SetKind(o, NodeKind.Library));
        store.SetImplicitEdges(o, [h]);
        Assert.Equal([h], StoreAssert.Edges(store, o, EdgeKind.Implicit));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SetImplicitEdges(o, [7]));
    }

    [Fact]
    public void One_info_slot_answers_as_two_would_within_a_build()
    {
        var store = new StructOfArraysNodeStore("/p");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var n = store.AddNode("n.c", NodeKind.SourceFile, root);
        store.CompleteLoad();

        var stored = new NodeInfo(new ContentSignature(1, 2), new FileStamp(10, 20), ContentSignature.None);
        Assert.True(store.GetInfo(n).IsNone);
        Assert.True(store.GetStoredInfo(n).IsNone);
        store.SetStoredInfo(n, stored);
        Assert.True(store.GetInfo(n).IsNone); // not set by this build yet
        Assert.Equal(stored, store.GetStoredInfo(n));

        store.SetInfo(n, NodeInfo.None);      // a failed action: the stored record stays for the database
        Assert.True(store.GetInfo(n).IsNone);
        Assert.Equal(stored, store.GetStoredInfo(n));

        var current = new NodeInfo(new ContentSignature(3, 4), new FileStamp(11, 21), new ContentSignature(5, 6));
        store.SetInfo(n, current);
        Assert.Equal(current, store.GetInfo(n));
    }

    [Fact]
    public void Build_info_is_kept_until_the_node_is_released()
    {
        var store = new StructOfArraysNodeStore("/p");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var n = store.AddNode("n.o", NodeKind.Object, root);
        store.CompleteLoad();

        var info = new BuildInfo("cc -c", new ContentSignature(1, 1), new ContentSignature(2, 2), []);
        store.SetBuildInfo(n, info);
        Assert.Same(info, store.GetBuildInfo(n));
        Assert.Equal(1, store.HeldBuildInfoCount);
        store.ReleaseTargetInfo(n);
        Assert.Null(store.GetBuildInfo(n));
        Assert.Equal(0, store.HeldBuildInfoCount);
    }

    [Fact]
    public void States_and_kinds_are_bytes_per_node()
    {
        var store = new StructOfArraysNodeStore("/p");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var n = store.AddNode("n.h", NodeKind.Header, root);
        store.SetKind(n, NodeKind.DerivedFile);
        store.CompleteLoad();
        store.SetState(n, NodeState.Executed);
        Assert.Equal(NodeState.Executed, store.GetState(n));
        Assert.Equal(NodeState.None, store.GetState(root));
        Assert.Equal(NodeKind.DerivedFile, store.GetKind(n));
        Assert.True(store.IsLoaded);
    }
}
