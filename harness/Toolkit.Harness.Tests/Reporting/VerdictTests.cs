using Toolkit.Harness.Reporting;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Verdicts come from the data: saving interval, size of the saving and time cost decide.</summary>
public sealed class VerdictTests
{
    [Fact]
    public void A_clear_saving_at_a_small_time_cost_is_recommended()
    {
        var v = Judge([600, 605, 610], load: 1.05, nullBuild: 1.02);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Equal(10_000, v.Sources);
        Assert.StartsWith("saves 400.0 bytes/node (95% CI ", v.Text, StringComparison.Ordinal);
        Assert.Contains("39.8% of baseline) at 10,000 sources for a +5.0% load-time and +2.0% null-build cost: recommended", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saving_with_a_big_time_cost_is_recommended_when_memory_matters()
    {
        var v = Judge([600, 605, 610], load: 1.0, nullBuild: 1.3);
        Assert.Equal(VerdictKind.RecommendedWhenMemoryMatters, v.Kind);
        Assert.EndsWith("+30.0% null-build cost: recommended when memory matters more than time", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_faster_variant_says_so()
    {
        var v = Judge([600, 605, 610], load: 0.9, nullBuild: 0.95);
        Assert.Contains("at no time cost (load time -10.0%, null build -5.0%): recommended", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_that_reaches_zero_is_no_measurable_saving()
    {
        var v = Judge([990, 1020, 1000], load: 1.0, nullBuild: 1.0);
        Assert.Equal(VerdictKind.NoMeasurableSaving, v.Kind);
        Assert.EndsWith("not recommended: no measurable saving", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measurable_but_tiny_saving_is_not_worth_it()
    {
        var v = Judge([1001, 1001.5, 1002], load: 1.0, nullBuild: 1.0, baseline: [1005, 1005.5, 1006]);
        Assert.Equal(VerdictKind.NoMeasurableSaving, v.Kind);
    }

    [Fact]
    public void More_memory_than_baseline_is_not_recommended()
    {
        var v = Judge([1200, 1210, 1205], load: 1.0, nullBuild: 1.0);
        Assert.Equal(VerdictKind.CostsMemory, v.Kind);
        Assert.StartsWith("holds 200.0 more bytes/node", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_shared_size_there_is_no_verdict()
    {
        var results = new ResultsBuilder().Project(10, 30).Project(100, 300)
            .Runs("baseline", 10, [1000, 1001, 1002]).Runs("slots", 100, [600, 601, 602]).Build();
        Assert.Equal(VerdictKind.NotMeasured, Verdict.Of(new ScaleAnalysis(results), "slots", MemoryMetric.RetainedAfterBuild).Kind);
    }

    [Fact]
    public void The_verdict_is_taken_at_the_largest_shared_size()
    {
        var results = new ResultsBuilder().Project(10, 30).Project(100, 300).Project(1000, 3000)
            .Runs("baseline", 10, [1000, 1001, 1002]).Runs("baseline", 100, [1000, 1001, 1002]).Runs("baseline", 1000, [1000, 1001, 1002])
            .Runs("slots", 10, [1000, 1001, 1002]).Runs("slots", 100, [500, 501, 502])
            .Build();
        var v = Verdict.Of(new ScaleAnalysis(results), "slots", MemoryMetric.RetainedAfterBuild);
        Assert.Equal(100, v.Sources);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
    }

    private static Verdict Judge(double[] variant, double load, double nullBuild, double[]? baseline = null)
    {
        var results = new ResultsBuilder().Project(10_000, 25_000)
            .Runs("baseline", 10_000, baseline ?? [1000, 1005, 1010])
            .Runs("slots", 10_000, variant, load, nullBuild)
            .Build();
        return Verdict.Of(new ScaleAnalysis(results), "slots", MemoryMetric.RetainedAfterBuild);
    }
}
