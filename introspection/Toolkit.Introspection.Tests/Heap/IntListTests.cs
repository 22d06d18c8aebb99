using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>The chunked int list keeps every value exactly whether its chunk stays 2 bytes per value or widens to 4, and small
/// values cost 2 bytes each.</summary>
public sealed class IntListTests
{
    [Fact]
    public void Values_read_back_exactly_across_narrow_and_widened_chunks()
    {
        var random = new Random(7);
        var list = new IntList();
        var expected = new List<int>();
        for (int i = 0; i < 300_000; i++)
        {
            // Chunk 1 (items 65,536..131,071) gets a negative value, chunk 3 a large one in its last slot; the others stay small.
            int value = i == 70_000 ? -1 : i == 4 * 65_536 - 1 ? int.MaxValue : random.Next(0, ushort.MaxValue + 1);
            list.Add(value);
            expected.Add(value);
        }
        // The first chunk widens while it is still growing.
        var small = new IntList();
        small.Add(1);
        small.Add(70_000);
        small.Add(2);
        Assert.Equal([1, 70_000, 2], small.ToArray());
        Assert.Equal(expected.Count, list.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], list[i]);
        }
        Assert.Equal(expected, list.ToArray());
    }

    [Fact]
    public void Small_values_cost_two_bytes_each()
    {
        var list = new IntList();
        for (int i = 0; i < 1_000_000; i++)
        {
            list.Add(i % 1000);
        }
        Assert.True(list.MemoryBytes < 1_000_000 * 2.2, $"{list.MemoryBytes} bytes for 1,000,000 small values");
    }
}
