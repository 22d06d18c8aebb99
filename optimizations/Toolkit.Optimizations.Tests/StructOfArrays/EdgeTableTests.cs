using Toolkit.Engine.Graph;
using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>CSR tables built from logs in random node order against per-node reference lists.</summary>
public sealed class EdgeTableTests
{
    [Theory]
    [InlineData(1, 50, 400)]
    [InlineData(2, 1000, 5000)]
    [InlineData(3, 7, 0)]
    public void Dense_and_sparse_tables_keep_each_nodes_edges_in_order(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var log = new EdgeLog();
        var expected = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < edges; i++)
        {
            var node = random.Next(2) == 0 ? random.Next(nodes) : random.Next(Math.Min(nodes, 5)); // some nodes busy
            var dependency = random.Next(nodes);
            log.Add(node, dependency);
            expected[node].Add(dependency);
        }

        var dense = DenseEdgeTable.Build(log, nodes);
        var sparse = SparseEdgeTable.Build(log, nodes);
        Assert.Equal(edges, dense.EdgeCount);
        Assert.Equal(edges, sparse.EdgeCount);
        Assert.Equal(expected.Count(list => list.Count > 0), sparse.NodeCount);
        for (var node = 0; node < nodes; node++)
        {
            Assert.Equal(expected[node], dense.Get(node).ToArray());
            Assert.Equal(expected[node], sparse.Get(node).ToArray());
        }

        Assert.True(dense.Get(nodes).IsEmpty);
        Assert.True(sparse.Get(nodes + 3).IsEmpty);
    }

    [Fact]
    public void Implicit_edges_keep_the_last_replacement_and_the_appends_after_it()
    {
        var log = new ImplicitEdgeLog();
        log.Append(0, 9);           // dropped: replaced below
        log.Replace(0, [1, 2, 3]);  // dropped: replaced again
        log.Replace(2, [7]);
        log.Replace(0, [4, 5]);
        log.Append(0, 6);
        log.Append(1, 8);
        log.Replace(3, []);

        var table = log.Build(4);
        Assert.Equal([4, 5, 6], table.Get(0).ToArray());
        Assert.Equal([8], table.Get(1).ToArray());
        Assert.Equal([7], table.Get(2).ToArray());
        Assert.True(table.Get(3).IsEmpty);
    }

    [Fact]
    public void The_edge_store_answers_during_loading_and_after_it()
    {
        var store = new EdgeStore();
        store.Add(0, EdgeKind.Sources, 1);
        store.Add(0, EdgeKind.Depends, 2);
        Assert.Equal([1], store.Get(0, EdgeKind.Sources, 3).ToArray());

        // Edges added after a query rebuild the tables on the next query.
        store.Add(0, EdgeKind.Sources, 2);
        store.Add(1, EdgeKind.SideEffects, 2);
        store.SetImplicit(0, [2, 1]);
        Assert.Equal([1, 2], store.Get(0, EdgeKind.Sources, 4).ToArray());
        Assert.Equal([2], store.Get(1, EdgeKind.SideEffects, 4).ToArray());
        Assert.True(store.Get(3, EdgeKind.Sources, 4).IsEmpty);

        store.Complete(4);
        Assert.Equal([2, 1], store.Get(0, EdgeKind.Implicit, 4).ToArray());
        Assert.Equal([2], store.Get(0, EdgeKind.Depends, 4).ToArray());
        Assert.Throws<InvalidOperationException>(() => store.Add(0, EdgeKind.Sources, 3));

        // After loading, implicit edges go to the overflow map and replace the table's.
        store.SetImplicit(0, [3]);
        store.SetImplicit(2, [0, 1]);
        Assert.Equal([3], store.Get(0, EdgeKind.Implicit, 4).ToArray());
        Assert.Equal([0, 1], store.Get(2, EdgeKind.Implicit, 4).ToArray());
        Assert.Equal(6, store.TableEdgeCount);
    }
}
