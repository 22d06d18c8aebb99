namespace Toolkit.Harness.Reporting.Statistics;

/// <summary>
/// How much B differs from A, with a distribution-free confidence interval: the Hodges-Lehmann
/// estimate (the median of all n·m pairwise differences b − a) and the exact Mann-Whitney (Moses)
/// interval, the k-th smallest and k-th largest of those differences, k from
/// <see cref="MannWhitneyDistribution.TrimmedDifferences"/>. For ratios the same is done on
/// logarithms, so B/A = exp(shift). The interval holds a value d exactly when the one-sided
/// Mann-Whitney tests of "shift = d" do not reject at (1 − confidence)/2, so a verdict read from the
/// interval agrees with the tests by construction. No resampling: the same runs give the same
/// interval on every machine. Too few runs for any interval at the level (3 against 3 at 95%) give
/// an interval of −∞ to +∞ (0 to +∞ for a ratio), which excludes nothing (<see cref="Estimate.HasInterval"/> is false).
/// </summary>
public static class ShiftInterval
{
    /// <summary>The confidence level of every interval a verdict is read from.</summary>
    public const double Confidence = 0.95;

    /// <summary>median(b − a) over all pairs, with its interval.</summary>
    public static Estimate Difference(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = Confidence) =>
        Compute(a, b, confidence, x => x, x => x);

    /// <summary>B/A as exp(median(ln b − ln a)), with its interval; every value must be positive.</summary>
    public static Estimate Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = Confidence)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Any(v => !(v > 0)) || b.Any(v => !(v > 0)))
        {
            throw new ArgumentException("a ratio needs positive values on both sides");
        }

        return Compute(a, b, confidence, Math.Log, Math.Exp);
    }

    /// <summary>True when samples of these sizes can give a finite interval at <paramref name="confidence"/>.</summary>
    public static bool CanDecide(int countA, int countB, double confidence = Confidence) =>
        countA > 0 && countB > 0 && MannWhitneyDistribution.TrimmedDifferences(countA, countB, confidence) > 0;

    /// <summary>The fewest runs on each side (equal counts) for which an interval exists at <paramref name="confidence"/>.</summary>
    public static int FewestRuns(double confidence = Confidence)
    {
        var n = 1;
        while (!CanDecide(n, n, confidence))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// One-sided p-value of "B − A is larger than <paramref name="shift"/>" (on the logarithmic scale
    /// when <paramref name="logarithmic"/>): the null probability of at least as many pairs above the
    /// shift as observed, ties counted as half.
    /// </summary>
    public static double PValueAbove(IReadOnlyList<double> a, IReadOnlyList<double> b, double shift, bool logarithmic)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Func<double, double> f = logarithmic ? Math.Log : x => x;
        double above = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var d = f(y) - f(x) - shift;
                above += d > 0 ? 1 : d == 0 ? 0.5 : 0;
            }
        }

        // P(U ≥ above) = 1 − P(U ≤ ceil(above) − 1); rounding a half up keeps the p-value conservative.
        var u = (int)Math.Ceiling(above);
        return 1 - MannWhitneyDistribution.CumulativeAtMost(a.Count, b.Count, u - 1);
    }

    private static Estimate Compute(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence, Func<double, double> into, Func<double, double> back)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("a shift needs at least one value on each side");
        }

        var differences = new double[a.Count * b.Count];
        var i = 0;
        foreach (var x in a)
        {
            var fx = into(x);
            foreach (var y in b)
            {
                differences[i++] = into(y) - fx;
            }
        }

        Array.Sort(differences);
        var middle = differences.Length / 2;
        var median = differences.Length % 2 == 1 ? differences[middle] : (differences[middle - 1] + differences[middle]) / 2;
        var k = MannWhitneyDistribution.TrimmedDifferences(a.Count, b.Count, confidence);
        var runs = Math.Min(a.Count, b.Count);
        return k == 0
            ? new Estimate(back(median), back(double.NegativeInfinity), back(double.PositiveInfinity), runs)
            : new Estimate(back(median), back(differences[k - 1]), back(differences[^k]), runs);
    }
}
