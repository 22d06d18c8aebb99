using System.Text;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Engine.Tests.Persistence;

/// <summary>The chunked byte arena: every string reads back as added across chunk boundaries, empty and oversized strings included.</summary>
public sealed class ByteArenaTests
{
    [Fact]
    public void Names_read_back_as_added_across_chunks_before_and_after_the_trim()
    {
        var random = new Random(11);
        var names = new List<byte[]>();
        var table = new ByteArena();
        for (var i = 0; i < 20_000; i++)
        {
            var name = (i % 997) switch
            {
                0 => new byte[ByteArena.ChunkBytes + random.Next(1, 5000)], // longer than a chunk: a chunk of its own
                1 => [],
                2 => new byte[ByteArena.ChunkBytes], // exactly a chunk
                _ => new byte[random.Next(0, 40)],
            };
            random.NextBytes(name);
            names.Add(name);
            Assert.Equal(i, table.Add(name));
        }

        Check(table, names);
        table.Trim();
        Check(table, names);
        Assert.Equal(names.Sum(n => (long)n.Length), table.ByteCount);
    }

    [Fact]
    public void Empty_names_at_a_full_chunks_end_and_after_an_oversized_one_keep_their_neighbours_intact()
    {
        var table = new ByteArena();
        var fill = new byte[ByteArena.ChunkBytes - 3];
        fill.AsSpan().Fill((byte)'f');
        byte[][] names = [fill, "abc"u8.ToArray(), [], [], new byte[ByteArena.ChunkBytes * 2], [], "z"u8.ToArray()];
        foreach (var name in names)
        {
            table.Add(name);
        }

        Check(table, [.. names]);
    }

    [Fact]
    public void A_missing_index_is_refused()
    {
        var table = new ByteArena();
        table.Add(Encoding.UTF8.GetBytes("a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Get(1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Get(-1).Length);
    }

    private static void Check(ByteArena table, List<byte[]> names)
    {
        Assert.Equal(names.Count, table.Count);
        for (var i = 0; i < names.Count; i++)
        {
            Assert.True(table.Get(i).SequenceEqual(names[i]), $"name {i} ({names[i].Length} bytes) reads back as {table.Get(i).Length} other bytes");
        }
    }
}
