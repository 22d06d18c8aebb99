namespace Toolkit.Harness.Reporting.Statistics;

/// <summary>
/// The null distribution of the Mann-Whitney statistic U (the number of pairs (a, b) with b &gt; a) for
/// samples of n and m values without ties: exact for small samples, from the coefficients of the
/// Gaussian binomial [n+m choose n]_q (the number of arrangements with U = u is the coefficient of
/// q^u), and the normal approximation with continuity correction for larger ones. This is the
/// distribution behind both the one-sided p-values and the Hodges-Lehmann interval of
/// <see cref="ShiftInterval"/>, so a verdict read from either can never contradict the other.
/// </summary>
public static class MannWhitneyDistribution
{
    /// <summary>
    /// Largest n + m computed exactly: C(n+m, n) must stay below 2^53 for the counts to be exact
    /// doubles (C(54, 27) ≈ 1.9·10^15); above it the normal approximation is within 10^-3 of the
    /// exact tail, which is far finer than any verdict needs.
    /// </summary>
    public const int ExactLimit = 54;

    /// <summary>P(U ≤ u) under the null hypothesis, for samples of <paramref name="n"/> and <paramref name="m"/> values.</summary>
    public static double CumulativeAtMost(int n, int m, int u)
    {
        if (n < 1 || m < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"samples of {n} and {m} values: both need at least one");
        }

        if (u < 0)
        {
            return 0;
        }

        if (u >= n * m)
        {
            return 1;
        }

        if (n + m > ExactLimit)
        {
            return Normal(n, m, u);
        }

        var counts = Counts(n, m);
        double below = 0;
        double total = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            total += counts[k];
            if (k <= u)
            {
                below += counts[k];
            }
        }

        return below / total;
    }

    /// <summary>
    /// The number of pairwise differences cut from each end for a two-sided interval at
    /// <paramref name="confidence"/>: the largest k with P(U ≤ k − 1) ≤ (1 − confidence) / 2, or 0 when
    /// even k = 1 is too many (the samples are too small to exclude anything at that level).
    /// </summary>
    public static int TrimmedDifferences(int n, int m, double confidence)
    {
        var tail = (1 - confidence) / 2;
        var k = 0;
        while (k < (n * m) / 2 && CumulativeAtMost(n, m, k) <= tail)
        {
            k++;
        }

        return k;
    }

    /// <summary>Coefficients of [n+m choose n]_q = ∏ (1 − q^(m+i)) / (1 − q^i), i = 1..n.</summary>
    private static double[] Counts(int n, int m)
    {
        var degree = n * m;
        var p = new double[degree + 1];
        p[0] = 1;
        for (var i = 1; i <= n; i++)
        {
            // Multiply by (1 − q^(m+i)), highest power first so each coefficient is read before it changes.
            for (var k = degree; k >= m + i; k--)
            {
                p[k] -= p[k - (m + i)];
            }

            // Divide by (1 − q^i): a running sum with step i.
            for (var k = i; k <= degree; k++)
            {
                p[k] += p[k - i];
            }
        }

        return p;
    }

    private static double Normal(int n, int m, int u)
    {
        var mean = n * (double)m / 2;
        var sd = Math.Sqrt(n * (double)m * (n + m + 1) / 12);
        var z = (u + 0.5 - mean) / sd;
        return 0.5 * Erfc(-z / Math.Sqrt(2));
    }

    /// <summary>The complementary error function (Numerical Recipes' erfcc, relative error below 1.2·10^-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var k = c.Length - 1; k >= 1; k--)
        {
            poly = (poly + c[k]) * t;
        }

        var r = t * Math.Exp(-(z * z) + c[0] + poly);
        return x >= 0 ? r : 2 - r;
    }
}
