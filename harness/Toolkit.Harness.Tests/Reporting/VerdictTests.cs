using Toolkit.Harness.Reporting;
using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Reporting.Pages;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>
/// Verdicts come from intervals alone, at every size: fixtures with a known answer, the issue's own
/// misleading cases among them (an interval of −60.9% to +141.3% once read as a cost; a cold first
/// run that made every variant look faster than baseline).
/// </summary>
public sealed class VerdictTests
{
    private static readonly double[] Baseline = [1000, 1005, 1010, 1002, 1008];

    [Fact]
    public void A_clear_saving_with_no_measurable_time_cost_is_recommended()
    {
        var v = Judge([600, 605, 610, 602, 608], load: [1.0, 1.02, 0.98, 1.01, 0.99]);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Equal(10_000, v.Point.Sources);
        Assert.Equal(ChangeKind.Smaller, v.Memory!.Value.Kind);
        Assert.StartsWith("at 10,000 sources saves 400.0 bytes/node, -39.8% (95% CI -40.", v.Text, StringComparison.Ordinal);
        Assert.EndsWith(": recommended", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saving_with_a_measurable_time_cost_is_recommended_when_memory_matters()
    {
        var v = Judge([600, 605, 610, 602, 608], load: [1.3, 1.31, 1.32, 1.33, 1.34]);
        Assert.Equal(VerdictKind.RecommendedWhenMemoryMatters, v.Kind);
        Assert.EndsWith("recommended when memory matters more than time (load measurably slower)", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_time_interval_that_holds_no_change_claims_no_cost()
    {
        // The case: -60.9% to +141.3% was read as "+62.8% load". Here the runs straddle baseline's.
        var v = Judge([600, 605, 610, 602, 608], load: [0.4, 2.4, 0.5, 2.3, 1.6]);
        var load = Assert.Single(v.Times, t => t.Label == "load");
        Assert.True(load.Change.Ratio.Lower < 1 && load.Change.Ratio.Upper > 1, load.Change.Describe());
        Assert.Equal(ChangeKind.NoMeasurableDifference, load.Change.Kind);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Contains("load ", v.Text, StringComparison.Ordinal);
        Assert.Contains("no measurable difference", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_that_reaches_one_is_no_measurable_saving()
    {
        var v = Judge([990, 1020, 1000, 1015, 995]);
        Assert.Equal(VerdictKind.NoMeasurableSaving, v.Kind);
        Assert.EndsWith("not recommended: no measurable saving", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measurable_but_tiny_saving_is_within_the_threshold()
    {
        var v = Judge([1001, 1001.5, 1002, 1001.2, 1001.8], baseline: [1005, 1005.5, 1006, 1005.2, 1005.8]);
        Assert.Equal(ChangeKind.WithinThreshold, v.Memory!.Value.Kind);
        Assert.Equal(VerdictKind.NoMeasurableSaving, v.Kind);
    }

    [Fact]
    public void More_memory_than_baseline_costs_memory()
    {
        var v = Judge([1200, 1210, 1205, 1202, 1208]);
        Assert.Equal(VerdictKind.CostsMemory, v.Kind);
        Assert.StartsWith("at 10,000 sources holds 200.0 more bytes/node", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_runs_against_three_give_no_verdict_at_all()
    {
        var v = Judge([600, 605, 610], baseline: [1000, 1005, 1010]);
        Assert.Equal(VerdictKind.TooFewRuns, v.Kind);
        Assert.Contains("no verdict, too few runs", v.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_that_holds_one_never_yields_a_claim_or_a_recommendation()
    {
        // 2,000 seeded pairs of samples, 4 to 9 runs a side, spreads from 1% to 60%, shifts from -30% to +30%.
        var random = new Random(12);
        var checkedStraddling = 0;
        for (var i = 0; i < 2000; i++)
        {
            var n = random.Next(4, 10);
            var spread = 0.01 + (random.NextDouble() * 0.6);
            var shift = 0.7 + (random.NextDouble() * 0.6);
            var a = Enumerable.Range(0, n).Select(_ => 1000 * (1 + (spread * ((2 * random.NextDouble()) - 1)))).ToArray();
            var b = Enumerable.Range(0, random.Next(4, 10)).Select(_ => 1000 * shift * (1 + (spread * ((2 * random.NextDouble()) - 1)))).ToArray();
            var change = ChangeRule.Judge(a, b, 0);
            var verdict = new Harness.Comparison.SampleComparer(0).Compare(a, b, smallerIsBetter: true).Verdict;
            if (change.Ratio.Lower <= 1 && change.Ratio.Upper >= 1)
            {
                checkedStraddling++;
                Assert.False(change.IsClaimed, $"{change.Describe()} claimed {change.Kind}");
                Assert.True(verdict is not (Harness.Comparison.Verdict.Better or Harness.Comparison.Verdict.Worse), $"{verdict} from {change.Describe()}");
                var kind = Judge(b, baseline: a).Kind;
                Assert.True(kind is not (VerdictKind.Recommended or VerdictKind.RecommendedWhenMemoryMatters or VerdictKind.CostsMemory), $"{kind} from {change.Describe()}");
            }
            else
            {
                Assert.True(change.IsClaimed, change.Describe());
            }
        }

        Assert.True(checkedStraddling > 200, $"only {checkedStraddling} straddling cases were generated");
    }

    [Fact]
    public void A_cold_first_run_does_not_bias_the_verdict_once_it_is_the_uncounted_warm_up()
    {
        // As in the issue: baseline always first at the size, its first run cold (4.17 s against 2.2 s).
        double[] wallBaseline = [2.20, 2.26, 2.23, 2.29, 2.21];
        double[] wallVariant = [2.22, 2.27, 2.20, 2.25, 2.24];
        double[] rss = [1e8, 1e8, 1e8, 1e8, 1e8];
        var withCold = new ResultsBuilder().Project(100_000, 212_027)
            .Runs("baseline", 100_000, Baseline, warmup: 1000).Runs("slots", 100_000, [800, 802, 801, 803, 804], warmup: 800)
            .Engine("baseline", 100_000, rss, wallBaseline, warmup: (1e8, 4.17)).Engine("slots", 100_000, rss, wallVariant, warmup: (1e8, 2.60))
            .Build();
        var withoutCold = new ResultsBuilder().Project(100_000, 212_027)
            .Runs("baseline", 100_000, Baseline).Runs("slots", 100_000, [800, 802, 801, 803, 804])
            .Engine("baseline", 100_000, rss, wallBaseline).Engine("slots", 100_000, rss, wallVariant)
            .Build();

        var cold = TechniqueJudge.At(JudgedPoint.All(withCold)[0], "slots", MemoryMetric.RetainedAfterBuild);
        var clean = TechniqueJudge.At(JudgedPoint.All(withoutCold)[0], "slots", MemoryMetric.RetainedAfterBuild);
        Assert.Equal(clean.Text, cold.Text);
        Assert.All(cold.Times, t => Assert.Equal(ChangeKind.WithinThreshold, t.Change.Kind));
        Assert.Equal(VerdictKind.Recommended, cold.Kind);

        // The warm-up runs are in the file (sequence 0 of each record) and nowhere in what is judged.
        Assert.All(withCold.Processes!, p => Assert.True(p.Runs[0].Warmup && p.Runs.Count(r => r.Warmup) == 1));
        Assert.DoesNotContain(ResultsViews.Ordinary(withCold).Runs, r => r.Warmup);
    }

    [Fact]
    public void Verdicts_are_judged_at_every_size_and_the_summary_says_where_they_change()
    {
        var results = new ResultsBuilder().Project(1000, 2000).Project(10_000, 20_000).Project(100_000, 200_000)
            .Runs("baseline", 1000, Baseline).Runs("baseline", 10_000, Baseline).Runs("baseline", 100_000, Baseline)
            .Runs("slots", 1000, [995, 1012, 1003, 1007, 1001]).Runs("slots", 10_000, [600, 601, 602, 603, 604]).Runs("slots", 100_000, [500, 501, 502, 503, 504])
            .Build();
        var verdicts = TechniqueJudge.Across(JudgedPoint.All(results), "slots", MemoryMetric.RetainedAfterBuild);
        Assert.Equal([1000, 10_000, 100_000], verdicts.Points.Select(p => p.Point.Sources));
        Assert.Equal([VerdictKind.NoMeasurableSaving, VerdictKind.Recommended, VerdictKind.Recommended], verdicts.Points.Select(p => p.Kind));
        Assert.Equal(100_000, verdicts.Judged!.Point.Sources);
        Assert.True(verdicts.ChangesWithSize);
        Assert.Equal("the verdict changes with size: not recommended: no measurable saving at 1,000 sources; recommended at 10,000 and 100,000 sources", verdicts.SizeSummary());
    }

    [Fact]
    public void Chunked_hashing_is_judged_at_the_large_files_point()
    {
        double[] same = [1.2e8, 1.21e8, 1.22e8, 1.23e8, 1.24e8];
        var results = new ResultsBuilder().Project(1000, 2000).Project(1000, 2010, largeFiles: 8)
            .Runs("baseline", 1000, Baseline).Runs("chunked-hashing", 1000, Baseline)
            .Runs("baseline", 1000, Baseline, largeFiles: 8).Runs("chunked-hashing", 1000, Baseline, largeFiles: 8)
            .Engine("baseline", 1000, same, [1, 1, 1, 1, 1]).Engine("chunked-hashing", 1000, same, [1, 1, 1, 1, 1])
            .Engine("baseline", 1000, [2.0e8, 2.01e8, 2.02e8, 2.03e8, 2.04e8], [1, 1, 1, 1, 1], largeFiles: 8)
            .Engine("chunked-hashing", 1000, same, [1, 1, 1, 1, 1], largeFiles: 8)
            .Build();
        var model = new PageModel(results);
        var verdicts = model.Verdicts["chunked-hashing"];
        Assert.Equal(MemoryMetric.PeakRssPerNode, verdicts.Metric);
        Assert.Equal(8, verdicts.Judged!.Point.LargeFiles);
        Assert.Equal(VerdictKind.Recommended, verdicts.Kind);
        Assert.Equal(VerdictKind.NoMeasurableSaving, verdicts.Points.Single(p => p.Point.LargeFiles == 0).Kind);
        Assert.Equal("not recommended: no measurable saving at 1,000 sources; recommended at 1,000 sources + 8 large files", verdicts.SizeSummary());
    }

    [Fact]
    public void Without_a_shared_size_there_is_no_verdict()
    {
        var results = new ResultsBuilder().Project(10, 30).Project(100, 300)
            .Runs("baseline", 10, Baseline).Runs("slots", 100, [600, 601, 602, 603, 604]).Build();
        var verdicts = TechniqueJudge.Across(JudgedPoint.All(results), "slots", MemoryMetric.RetainedAfterBuild);
        Assert.Equal(VerdictKind.NotMeasured, verdicts.Kind);
        Assert.Empty(verdicts.Points);
    }

    private static PointVerdict Judge(double[] variant, double[]? load = null, double[]? baseline = null)
    {
        var results = new ResultsBuilder().Project(10_000, 25_000)
            .Runs("baseline", 10_000, baseline ?? Baseline)
            .Runs("slots", 10_000, variant)
            .Build();
        if (load is not null)
        {
            // Per-run load times: rebuild the variant's footprints with them.
            var runs = results.Runs.Select(r => r.Variant == "slots" ? r with { Footprint = r.Footprint with { LoadSeconds = load[r.Repetition - 1] } } : r).ToArray();
            results = results with { Runs = runs };
        }

        return TechniqueJudge.At(JudgedPoint.All(results)[0], "slots", MemoryMetric.RetainedAfterBuild);
    }
}
