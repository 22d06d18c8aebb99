using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>
/// The info slots are made at the first set after loading, not at its end (a full build's load sets none): until then
/// every node reads as unknown; once made, every node has one, set from many threads at once.
/// </summary>
public sealed class NodeInfoTableTests
{
    private static NodeInfo InfoOf(int node) =>
        new(ContentSignature.FromBytes(BitConverter.GetBytes((long)node).Concat(new byte[8]).ToArray()), new FileStamp(node, node), ContentSignature.None);

    [Fact]
    public void A_completed_table_with_nothing_set_has_no_slots_and_knows_nothing()
    {
        var table = new NodeInfoTable();
        table.Complete(1000);
        Assert.Equal(0, table.SlotCount);
        Assert.Equal(NodeInfo.None, table.GetInfo(999));
        Assert.Equal(NodeInfo.None, table.GetStoredInfo(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.SetInfo(1000, InfoOf(1)));
    }

    [Fact]
    public void The_first_set_after_loading_gives_every_node_a_slot_and_concurrent_sets_all_land()
    {
        var table = new NodeInfoTable();
        table.Complete(10_000);
        Parallel.For(0, 10_000, node =>
        {
            if (node % 2 == 0)
            {
                table.SetInfo(node, InfoOf(node));
            }
            else
            {
                table.SetStoredInfo(node, InfoOf(node));
            }
        });

        Assert.Equal(10_000, table.SlotCount);
        for (var node = 0; node < 10_000; node++)
        {
            Assert.Equal(node % 2 == 0 ? InfoOf(node) : NodeInfo.None, table.GetInfo(node));
            Assert.Equal(InfoOf(node), table.GetStoredInfo(node));
        }
    }

    [Fact]
    public void Slots_made_while_loading_are_cut_to_the_node_count_and_the_rest_are_unknown()
    {
        var table = new NodeInfoTable();
        table.SetStoredInfo(3, InfoOf(3));
        table.Complete(5000);
        Assert.Equal(5000, table.SlotCount);
        Assert.Equal(InfoOf(3), table.GetStoredInfo(3));
        Assert.Equal(NodeInfo.None, table.GetStoredInfo(4999));
    }
}
