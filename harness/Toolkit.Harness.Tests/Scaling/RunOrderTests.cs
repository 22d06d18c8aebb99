using Toolkit.Harness.Scaling;

namespace Toolkit.Harness.Tests.Scaling;

/// <summary>The balanced order of the tools at a size: a Williams design, so no tool is always first and carry-over is balanced.</summary>
public sealed class RunOrderTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(13)]
    public void Every_row_is_a_permutation_and_every_tool_opens_once_per_cycle(int count)
    {
        var cycle = count % 2 == 0 ? count : 2 * count;
        var rows = Enumerable.Range(0, cycle).Select(r => RunOrder.Row(count, r)).ToArray();
        Assert.All(rows, row => Assert.Equal(Enumerable.Range(0, count), row.Order()));
        var openers = rows.Select(r => r[0]).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(count, openers.Count);
        Assert.All(openers.Values, n => Assert.Equal(cycle / count, n));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(5)]
    public void Each_tool_follows_every_other_equally_often(int count)
    {
        var cycle = count % 2 == 0 ? count : 2 * count;
        var follows = new int[count, count];
        for (var r = 0; r < cycle; r++)
        {
            var row = RunOrder.Row(count, r);
            for (var i = 1; i < count; i++)
            {
                follows[row[i - 1], row[i]]++;
            }
        }

        var expected = cycle / count;
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                Assert.Equal(a == b ? 0 : expected, follows[a, b]);
            }
        }
    }

    [Fact]
    public void With_a_warm_up_and_five_counted_rounds_no_tool_is_always_first_at_a_size()
    {
        // The rounds scale runs at the p-th size: rows p, p+1, ..., p+5 (round 0 is the warm-up).
        for (var point = 0; point < 4; point++)
        {
            var counted = Enumerable.Range(1, 5).Select(round => RunOrder.Row(9, round + point)[0]).ToArray();
            Assert.True(counted.Distinct().Count() == 5, $"size {point}: openers {string.Join(",", counted)}");
        }

        Assert.NotEqual(RunOrder.Row(9, 0)[0], RunOrder.Row(9, 1)[0]);
        Assert.Empty(RunOrder.Row(0, 3));
    }
}
