using Toolkit.Engine.Graph;
using Toolkit.Optimizations.Interning;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Tests.Conformance;

namespace Toolkit.Optimizations.Tests.Interning;

/// <summary>The interning variant's own dimension: shared names and paths rebuilt from them (conformance is <see cref="VariantConformanceTests"/>).</summary>
public sealed class InterningNodeStoreTests
{
    [Fact]
    public void Names_repeated_across_directories_are_one_string_and_derived_forms_equal_the_baselines()
    {
        var baseline = FeatureStores.Open<BaselineNodeStore>(new BaselineVariant(), 10, 20, 2);
        var interning = FeatureStores.Open<InterningNodeStore>(new InterningVariant(), 10, 20, 2);
        for (var id = 0; id < interning.Count; id++)
        {
            var node = interning.Nodes[id];
            Assert.Equal(baseline.Nodes[id].Suffix, node.Suffix);
            Assert.Equal(baseline.Nodes[id].AbsolutePath, interning.GetAbsolutePath(id));
            if (!node.Detached)
            {
                Assert.Equal(baseline.Nodes[id].Name, node.Name);
            }
        }

        Assert.Same(interning.Nodes[interning.FindNode("d0/s1.c")].Name, interning.Nodes[interning.FindNode("d1/s1.c")].Name);
        Assert.Same(interning.Nodes[interning.FindNode("d0/h0.h")].Suffix, interning.Nodes[interning.FindNode("include/shared0.h")].Suffix);
        Assert.True(interning.InternedCount < interning.Count / 4, $"{interning.InternedCount} strings for {interning.Count} nodes");
    }

    [Fact]
    public void Paths_that_do_not_follow_from_their_directory_are_kept_whole_and_found()
    {
        var store = new InterningNodeStore("/r");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var alias = store.AddNode("group/all", NodeKind.Alias, root);
        var under = store.AddNode("group/all/x.c", NodeKind.SourceFile, alias);
        var loose = store.AddNode("loose.c", NodeKind.SourceFile, -1);
        var nested = store.AddNode("a", NodeKind.Directory, root);
        var deep = store.AddNode("a/b.c", NodeKind.SourceFile, nested);

        Assert.Equal([root, alias, under, loose, nested, deep], new[] { ".", "group/all", "group/all/x.c", "loose.c", "a", "a/b.c" }.Select(store.FindNode));
        Assert.Equal("group/all/x.c", store.GetPath(under));
        Assert.Equal("a/b.c", store.GetPath(deep));
        Assert.Equal(".", store.GetPath(root));
        Assert.True(store.Nodes[alias].Detached);
        Assert.False(store.Nodes[under].Detached);
        Assert.Equal(-1, store.FindNode("group"));
        Assert.Equal(-1, store.FindNode("a/"));
        Assert.Equal(-1, store.FindNode("a/c.c"));
        Assert.Equal(-1, store.FindNode(""));
    }
}
