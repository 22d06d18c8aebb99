using Toolkit.Harness.Comparison;

namespace Toolkit.Harness.Tests.Comparison;

public sealed class SampleComparerTests
{
    private readonly SampleComparer _comparer = new(thresholdPercent: 5);

    [Fact]
    public void Two_samples_from_one_distribution_are_the_same()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var a = GeneratedRuns.Sample(seed, 10, 1000, 0.03);
            var b = GeneratedRuns.Sample(seed + 1000, 10, 1000, 0.03);
            var result = _comparer.Compare(a, b, smallerIsBetter: true);
            Assert.Equal(Verdict.Same, result.Verdict);
            Assert.InRange(result.Ratio, 0.95, 1.05);
        }
    }

    [Theory]
    [InlineData(1.20, Verdict.Worse)]
    [InlineData(0.80, Verdict.Better)]
    public void A_known_shift_is_flagged_in_the_right_direction(double shift, Verdict expected)
    {
        var a = GeneratedRuns.Sample(1, 10, 1000, 0.03);
        var b = GeneratedRuns.Sample(2, 10, 1000 * shift, 0.03);
        var result = _comparer.Compare(a, b, smallerIsBetter: true);
        Assert.Equal(expected, result.Verdict);
        Assert.InRange(result.Ratio, shift * 0.95, shift * 1.05);
        Assert.True(result.RatioLower <= result.Ratio && result.Ratio <= result.RatioUpper, $"{result.RatioLower} <= {result.Ratio} <= {result.RatioUpper}");
    }

    [Fact]
    public void Larger_is_better_turns_the_verdict_around()
    {
        var a = GeneratedRuns.Sample(1, 10, 1000, 0.03);
        var b = GeneratedRuns.Sample(2, 10, 1200, 0.03);
        Assert.Equal(Verdict.Better, _comparer.Compare(a, b, smallerIsBetter: false).Verdict);
    }

    [Fact]
    public void A_shift_within_the_threshold_is_the_same()
    {
        var a = GeneratedRuns.Sample(1, 10, 1000, 0.005);
        var b = GeneratedRuns.Sample(2, 10, 1020, 0.005);
        Assert.Equal(Verdict.Same, _comparer.Compare(a, b, smallerIsBetter: true).Verdict);
        Assert.Equal(Verdict.Worse, new SampleComparer(thresholdPercent: 0).Compare(a, b, smallerIsBetter: true).Verdict);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 10, true)]
    [InlineData(3, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(3, 5, false)]
    [InlineData(4, 4, false)]
    [InlineData(5, 5, false)]
    public void Too_few_samples_is_said_rather_than_guessed(int countA, int countB, bool tooFew)
    {
        Assert.Equal(tooFew, _comparer.TooFew(countA, countB));
        var a = Enumerable.Repeat(100.0, countA).ToArray();
        var b = Enumerable.Repeat(200.0, countB).ToArray();
        var verdict = _comparer.Compare(a, b, smallerIsBetter: true).Verdict;
        Assert.Equal(tooFew ? Verdict.TooFewSamples : Verdict.Worse, verdict);
    }

    [Fact]
    public void A_negative_threshold_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SampleComparer(-1));
    }
}
