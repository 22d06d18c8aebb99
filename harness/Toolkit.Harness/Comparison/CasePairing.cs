using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>Builds the cases to compare: matching runs of two results files, or two variants measured now.</summary>
public static class CasePairing
{
    /// <summary>
    /// Matches the runs of <paramref name="a"/> and <paramref name="b"/> by (variant, sources), in
    /// the order of sizes and then of A's first run of each variant. No common pair is a <see cref="ComparisonException"/>.
    /// </summary>
    public static IReadOnlyList<ComparisonCase> FromFiles(ScaleResults a, ScaleResults b, string nameA = "A", string nameB = "B")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var groupsB = b.Runs.GroupBy(r => (r.Variant, r.Sources)).ToDictionary(g => g.Key, g => g.Select(r => r.Footprint).ToArray());
        var cases = a.Runs
            .GroupBy(r => (r.Variant, r.Sources))
            .Where(g => groupsB.ContainsKey(g.Key))
            .OrderBy(g => g.Key.Sources)
            .Select(g => new ComparisonCase(g.Key.Variant, g.Key.Sources, g.Select(r => r.Footprint).ToArray(), groupsB[g.Key]))
            .ToArray();
        if (cases.Length == 0)
        {
            throw new ComparisonException($"no (variant, sources) is in both {nameA} ({Keys(a)}) and {nameB} ({Keys(b)}), so there is nothing to compare");
        }

        return cases;
    }

    /// <summary>One case: the runs of variant <paramref name="variantA"/> against those of <paramref name="variantB"/> at one size.</summary>
    public static ComparisonCase FromVariants(string variantA, string variantB, int sources, IReadOnlyList<FootprintRecord> runsA, IReadOnlyList<FootprintRecord> runsB) =>
        new($"{variantA} -> {variantB}", sources, runsA, runsB);

    private static string Keys(ScaleResults results)
    {
        var keys = results.Runs.Select(r => $"{r.Variant}@{r.Sources}").Distinct().ToArray();
        return keys.Length == 0 ? "no runs" : string.Join(", ", keys.Take(8)) + (keys.Length > 8 ? ", ..." : "");
    }
}
