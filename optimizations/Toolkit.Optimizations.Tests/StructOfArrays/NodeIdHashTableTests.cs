using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>The open-addressing table: lookups through long collision chains, wrap-around and growth.</summary>
public sealed class NodeIdHashTableTests
{
    [Fact]
    public void Every_id_is_found_when_all_hashes_collide()
    {
        var table = new NodeIdHashTable();
        const uint same = 12345;
        for (var id = 0; id < 500; id++)
        {
            table.Insert(same, id, _ => same);
        }

        for (var id = 0; id < 500; id++)
        {
            Assert.Equal(id, Find(table, same, id));
        }

        Assert.Equal(-1, Find(table, same, 500));
        Assert.Equal(500, table.Count);
    }

    [Fact]
    public void Probing_wraps_around_the_end_of_the_table()
    {
        var table = new NodeIdHashTable();
        var last = (uint)(table.Capacity - 1);
        for (var id = 0; id < 10; id++)
        {
            table.Insert(last, id, _ => last);
        }

        Assert.Equal(table.Capacity - 1, table.StartSlot(last));
        for (var id = 0; id < 10; id++)
        {
            Assert.Equal(id, Find(table, last, id));
        }
    }

    [Fact]
    public void Growth_keeps_the_fill_under_the_limit_and_rehashes_every_id()
    {
        var table = new NodeIdHashTable();
        var hashes = new uint[30_000];
        var random = new Random(7);
        for (var id = 0; id < hashes.Length; id++)
        {
            hashes[id] = id % 10 == 0 ? 42u : (uint)random.Next(); // one tenth in one collision chain
            table.Insert(hashes[id], id, each => hashes[each]);
            Assert.True(table.Count * 100L <= table.Capacity * (long)NodeIdHashTable.MaxLoadPercent);
        }

        Assert.Equal(0, table.Capacity & (table.Capacity - 1));
        for (var id = 0; id < hashes.Length; id += 97)
        {
            Assert.Equal(id, Find(table, hashes[id], id));
        }
    }

    private static int Find(NodeIdHashTable table, uint hash, int wanted)
    {
        for (var slot = table.StartSlot(hash); ; slot = table.NextSlot(slot))
        {
            var id = table.IdAt(slot);
            if (id < 0 || id == wanted)
            {
                return id;
            }
        }
    }
}
