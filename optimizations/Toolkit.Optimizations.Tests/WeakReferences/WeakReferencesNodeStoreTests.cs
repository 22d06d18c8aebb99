using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations.Tests.Conformance;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Optimizations.Tests.WeakReferences;

/// <summary>The weak-references variant's own dimension: build info released, executors naming ids (conformance is <see cref="VariantConformanceTests"/>).</summary>
public sealed class WeakReferencesNodeStoreTests
{
    [Fact]
    public void Released_build_info_is_gone()
    {
        var store = new WeakReferencesNodeStore("/r");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var first = store.AddNode("a.txt", NodeKind.DerivedFile, root);
        var second = store.AddNode("b.txt", NodeKind.DerivedFile, root);
        store.AddExecutor(BuilderKind.Command, 0, [first, second]);
        store.CompleteLoad();
        var info = new BuildInfo("gen a b", new ContentSignature(1, 2), new ContentSignature(3, 4), [new ContentSignature(5, 6)]);
        store.SetBuildInfo(first, info);
        store.SetBuildInfo(second, info);
        Assert.Equal("gen a b", store.GetBuildInfo(first)?.CommandLine);

        store.ReleaseTargetInfo(first);

        Assert.Null(store.GetBuildInfo(first));
        Assert.Null(store.GetBuildInfo(second));
        Assert.Null(store.Nodes[first].BuildInfo);
    }

    [Fact]
    public void After_a_build_no_node_keeps_build_info_where_the_baseline_keeps_it()
    {
        var baseline = FeatureStores.Run(new BaselineVariant(), 2, 4, 3).Build().Project;
        var built = FeatureStores.Run(new WeakReferencesVariant(), 2, 4, 3).Build(jobs: 2);
        Assert.NotEmpty(built.Commands);
        var weak = built.Project;
        var store = weak.Graph.Store;
        var kept = Enumerable.Range(0, baseline.Graph.Store.Count).Count(node => baseline.Graph.Store.GetBuildInfo(node) is not null);
        Assert.True(kept > 0);
        Assert.All(Enumerable.Range(0, store.Count), node => Assert.Null(store.GetBuildInfo(node)));
        Assert.Null(weak.Scanner);
        Assert.NotNull(baseline.Scanner);
    }

    [Fact]
    public void Executors_name_their_targets_and_sources_by_id()
    {
        var store = FeatureStores.Open<WeakReferencesNodeStore>(new WeakReferencesVariant(), 2, 3, 9);
        var library = store.FindNode("d0/libd0.a");
        var executor = (WeakReferencesExecutor)store.Executor(store.GetExecutor(library));
        Assert.Equal([library], executor.Targets);
        Assert.Equal(store.Nodes[library].Sources.Select(node => node.Id), executor.Sources);
    }
}
