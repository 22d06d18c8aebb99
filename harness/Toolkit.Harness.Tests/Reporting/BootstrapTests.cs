using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Medians and fixed-seed bootstrap intervals: deterministic, order-independent, and sensible.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Equal(3, Bootstrap.Median([5, 1, 3]));
        Assert.Equal(2.5, Bootstrap.Median([4, 1, 3, 2]));
        Assert.Throws<ArgumentException>(() => Bootstrap.Median([]));
    }

    [Fact]
    public void The_same_data_in_any_order_gives_the_same_interval()
    {
        double[] a = [101, 97, 103, 99, 100, 98, 102];
        var first = Bootstrap.MedianInterval(a);
        var shuffled = Bootstrap.MedianInterval([98, 103, 100, 101, 97, 102, 99]);
        Assert.Equal(first, shuffled);
        Assert.Equal(first, Bootstrap.MedianInterval(a));
        Assert.Equal(100, first.Value);
        Assert.True(first.Lower < 100 && first.Upper > 100 && first.Lower >= 97 && first.Upper <= 103, first.ToString());
        Assert.Equal(7, first.Runs);
    }

    [Fact]
    public void Identical_runs_give_a_zero_width_interval()
    {
        var e = Bootstrap.MedianInterval([42, 42, 42]);
        Assert.Equal(new Estimate(42, 42, 42, 3), e);
    }

    [Fact]
    public void A_clear_difference_is_above_zero_and_overlapping_samples_are_not()
    {
        var clear = Bootstrap.Difference([1000, 1010, 1005], [600, 610, 605]);
        Assert.Equal(400, clear.Value);
        Assert.True(clear.IsAboveZero);
        Assert.InRange(clear.Lower, 390, 400);
        Assert.InRange(clear.Upper, 400, 410);

        var overlapping = Bootstrap.Difference([100, 110, 90], [105, 95, 100]);
        Assert.False(overlapping.IsAboveZero);
        Assert.False(overlapping.IsBelowZero);
    }

    [Fact]
    public void Ratio_of_medians()
    {
        var r = Bootstrap.Ratio([1.1, 1.1, 1.1], [1.0, 1.0, 1.0]);
        Assert.Equal(1.1, r.Value, 12);
        Assert.Equal(r.Value, r.Lower, 12);
    }

    [Fact]
    public void SplitMix64_is_the_published_sequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        var bounded = new SplitMix64(Bootstrap.Seed);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.InRange(bounded.NextIndex(3), 0, 2));
    }
}
