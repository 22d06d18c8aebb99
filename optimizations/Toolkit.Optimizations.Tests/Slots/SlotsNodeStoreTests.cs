using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Slots;
using Toolkit.Optimizations.Tests.Conformance;
using Toolkit.Optimizations.Tests.Shared;

namespace Toolkit.Optimizations.Tests.Slots;

/// <summary>The slots variant's own dimension: the packed layout and exact-size arrays (conformance is <see cref="VariantConformanceTests"/>).</summary>
public sealed class SlotsNodeStoreTests
{
    [Fact]
    public void The_node_packs_its_fields_without_padding_and_is_smaller_than_the_baseline_node()
    {
        // 8 header + 8 method table + 17 references + 2 stamps of 16 + int id + 3 bytes padded to 8.
        const int Expected = 8 + 8 + (17 * 8) + (2 * 16) + 8;
        Assert.Equal(Expected, ObjectLayout.BaseSize(typeof(SlotsNode)));
        Assert.True(ObjectLayout.BaseSize(typeof(SlotsNode)) < ObjectLayout.BaseSize(typeof(BaselineNode)) + (6 * ObjectLayout.BaseSize(typeof(List<BaselineNode>))));

        // 8 + 8 + 2 references + two ints + a byte padded to 8.
        Assert.Equal(8 + 8 + 16 + 16, ObjectLayout.BaseSize(typeof(SlotsExecutor)));
    }

    [Fact]
    public void Arrays_are_exact_size_after_loading_and_empty_ones_are_shared()
    {
        var store = FeatureStores.Open<SlotsNodeStore>(new SlotsVariant(), 3, 9, 5);
        foreach (var node in store.Nodes)
        {
            foreach (var kind in EdgeKinds.All)
            {
                foreach (var edge in node.Edges(kind))
                {
                    Assert.NotNull(edge);
                }
            }
        }

        var library = store.Nodes[store.FindNode("d0/libd0.a")];
        Assert.Equal(9, library.Edges(EdgeKind.Sources).Length);
        Assert.Equal(9, store.Executor(store.GetExecutor(library.Id)).Sources.Length);
        var header = store.Nodes[store.FindNode("include/shared0.h")];
        Assert.True(header.Edges(EdgeKind.Sources) == header.Edges(EdgeKind.Depends), "empty arrays are the one shared empty array");
        Assert.Equal("libd0.a", library.Name);
        Assert.Equal(".a", library.Suffix);
        Assert.Equal("/conformance/d0/libd0.a", library.AbsolutePath);
    }

    [Fact]
    public void Growing_arrays_keep_order_through_many_appends_and_trim_exactly()
    {
        var store = new SlotsNodeStore("/r");
        var root = store.AddNode(".", NodeKind.Directory, -1);
        var alias = store.AddNode("all", NodeKind.Alias, root);
        var files = Enumerable.Range(0, 1000).Select(i => store.AddNode($"f{i}.c", NodeKind.SourceFile, root)).ToArray();
        foreach (var file in files)
        {
            store.AddEdge(alias, EdgeKind.Depends, file);
            Assert.Equal(file - files[0] + 1, store.EdgeCount(alias, EdgeKind.Depends));
        }

        store.CompleteLoad();
        var copy = new int[1000];
        Assert.Equal(1000, store.CopyEdges(alias, EdgeKind.Depends, copy));
        Assert.Equal(files, copy);
        Assert.Throws<InvalidOperationException>(() => store.AddNode("late.c", NodeKind.SourceFile, root));
        store.SetImplicitEdges(files[0], [files[1], files[2]]);
        Assert.Equal(2, store.EdgeCount(files[0], EdgeKind.Implicit));
    }

    [Fact]
    public void Flags_are_bits_of_one_byte()
    {
        var store = new SlotsNodeStore("/r");
        var node = store.AddNode(".", NodeKind.Directory, -1);
        store.Nodes[node].Flags |= NodeFlags.Precious | NodeFlags.AlwaysBuild;
        Assert.True(store.Nodes[node].Flags.HasFlag(NodeFlags.AlwaysBuild));
        Assert.False(store.Nodes[node].Flags.HasFlag(NodeFlags.NoClean));
    }
}
