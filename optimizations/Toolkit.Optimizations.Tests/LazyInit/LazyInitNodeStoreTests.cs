using Toolkit.Engine.Graph;
using Toolkit.Optimizations.LazyInit;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Tests.Conformance;

namespace Toolkit.Optimizations.Tests.LazyInit;

/// <summary>The lazy-init variant's own dimension: members made on first use (conformance is <see cref="VariantConformanceTests"/>).</summary>
public sealed class LazyInitNodeStoreTests
{
    [Fact]
    public void Rare_members_exist_only_where_used_and_derived_forms_equal_the_baselines()
    {
        var baseline = FeatureStores.Open<BaselineNodeStore>(new BaselineVariant(), 3, 6, 11);
        var lazy = FeatureStores.Open<LazyInitNodeStore>(new LazyInitVariant(), 3, 6, 11);
        for (var id = 0; id < lazy.Count; id++)
        {
            var node = lazy.Nodes[id];
            var expected = baseline.Nodes[id];
            Assert.Equal(expected.Name, node.Name);
            Assert.Equal(expected.Suffix, node.Suffix);
            Assert.Equal(expected.AbsolutePath, lazy.GetAbsolutePath(id));
            Assert.False(node.HasAttributes);
            foreach (var kind in new[] { EdgeKind.Depends, EdgeKind.Ignored, EdgeKind.OrderOnly, EdgeKind.SideEffects })
            {
                Assert.Equal(expected.Edges(kind).Count > 0, node.Edges(kind) is not null);
            }
        }

        var object0 = lazy.Nodes[lazy.FindNode("d0/s0.o")];
        Assert.NotNull(object0.Edges(EdgeKind.OrderOnly));
        Assert.NotNull(object0.Edges(EdgeKind.Ignored));
        Assert.Null(lazy.Nodes[lazy.FindNode("d0/s1.o")].Edges(EdgeKind.Ignored));
        object0.Attributes["precious"] = true;
        Assert.True(object0.HasAttributes);
    }
}
