using Toolkit.Harness.Reporting.Statistics;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>The exact Mann-Whitney distribution and the Hodges-Lehmann interval read from it.</summary>
public sealed class ShiftIntervalTests
{
    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 5)]
    [InlineData(5, 5)]
    [InlineData(2, 7)]
    public void The_exact_distribution_matches_counting_every_arrangement(int n, int m)
    {
        // Every way to choose which n of the n+m ranks are A's; U = pairs (a, b) with b above a.
        var counts = new int[(n * m) + 1];
        var total = 0;
        foreach (var subset in Subsets(n + m, n))
        {
            var u = 0;
            foreach (var a in subset)
            {
                u += Enumerable.Range(a + 1, n + m - a - 1).Count(r => !subset.Contains(r));
            }

            counts[u]++;
            total++;
        }

        var cumulative = 0;
        for (var u = 0; u <= n * m; u++)
        {
            cumulative += counts[u];
            Assert.Equal(cumulative / (double)total, MannWhitneyDistribution.CumulativeAtMost(n, m, u), 12);
        }
    }

    [Fact]
    public void Above_the_exact_limit_the_normal_approximation_is_centred_and_monotonic()
    {
        Assert.Equal(0.5, MannWhitneyDistribution.CumulativeAtMost(30, 30, 450), 2);
        var previous = 0.0;
        for (var u = 0; u <= 900; u += 30)
        {
            var p = MannWhitneyDistribution.CumulativeAtMost(30, 30, u);
            Assert.True(p >= previous, $"P(U <= {u}) = {p} fell below {previous}");
            previous = p;
        }

        Assert.Equal(1, MannWhitneyDistribution.CumulativeAtMost(30, 30, 900));
    }

    [Theory]
    [InlineData(3, 3, 0)]
    [InlineData(4, 4, 1)]
    [InlineData(5, 5, 3)]
    [InlineData(10, 10, 24)]
    public void The_trimmed_differences_follow_the_tail_probability(int n, int m, int k)
    {
        Assert.Equal(k, MannWhitneyDistribution.TrimmedDifferences(n, m, 0.95));
        Assert.Equal(4, ShiftInterval.FewestRuns());
    }

    [Fact]
    public void A_clear_shift_has_an_interval_around_it_that_excludes_no_change()
    {
        var r = ShiftInterval.Ratio([100, 101, 102, 103, 104], [120, 121, 122, 123, 124]);
        Assert.InRange(r.Value, 1.18, 1.22);
        Assert.True(r.HasInterval && r.Lower > 1 && r.Lower <= r.Value && r.Value <= r.Upper, r.ToString());
        var d = ShiftInterval.Difference([100, 101, 102, 103, 104], [120, 121, 122, 123, 124]);
        Assert.Equal(20, d.Value);
    }

    [Fact]
    public void Too_few_runs_give_an_interval_that_excludes_nothing()
    {
        var r = ShiftInterval.Ratio([100, 101, 102], [200, 201, 202]);
        Assert.False(r.HasInterval);
        Assert.Equal(0, r.Lower);
        Assert.True(double.IsPositiveInfinity(r.Upper));
    }

    [Fact]
    public void The_p_value_is_below_the_tail_exactly_when_the_interval_excludes_the_shift()
    {
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var a = Enumerable.Range(0, 6).Select(_ => 100 + (random.NextDouble() * 20)).ToArray();
            var b = Enumerable.Range(0, 5).Select(_ => 105 + (random.NextDouble() * 20)).ToArray();
            var r = ShiftInterval.Ratio(a, b);
            var p = ShiftInterval.PValueAbove(a, b, 0, logarithmic: true);
            Assert.Equal(r.Lower > 1, p <= 0.025);
        }
    }

    [Fact]
    public void The_same_runs_in_any_order_give_the_same_interval()
    {
        Assert.Equal(ShiftInterval.Ratio([1, 2, 3, 4], [5, 6, 7, 8]), ShiftInterval.Ratio([4, 2, 3, 1], [8, 5, 7, 6]));
        Assert.Throws<ArgumentException>(() => ShiftInterval.Ratio([0, 1, 2, 3], [1, 2, 3, 4]));
    }

    private static IEnumerable<HashSet<int>> Subsets(int size, int count)
    {
        for (var mask = 0; mask < 1 << size; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == count)
            {
                yield return Enumerable.Range(0, size).Where(i => (mask & (1 << i)) != 0).ToHashSet();
            }
        }
    }
}
