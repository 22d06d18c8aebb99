using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Builds the samples to compare from results: the same (variant, size) in two results files, two
/// variants of one file, or two engines (refs) of one file. Counted runs only (warm-ups left out).
/// The engine's metrics only: the peers are not what a comparison of engines is about.
/// </summary>
public static class CasePairing
{
    /// <summary>
    /// Matches <paramref name="a"/> and <paramref name="b"/> by (variant, sources, large files), footprint
    /// and whole-process metrics alike. Nothing in common is a <see cref="ComparisonException"/>.
    /// </summary>
    public static IReadOnlyList<ComparisonSample> FromFiles(ScaleResults a, ScaleResults b, string nameA = "A", string nameB = "B")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var keysB = Cases(b).ToHashSet();
        var samples = Cases(a).Where(keysB.Contains)
            .OrderBy(k => k.Sources).ThenBy(k => k.LargeFiles)
            .SelectMany(k => Samples(a, k.Tool, k.Variant, b, k.Tool, k.Variant, k.Sources, k.LargeFiles, k.Variant))
            .ToArray();
        if (samples.Length == 0)
        {
            throw new ComparisonException($"no (variant, sources) is in both {nameA} ({Keys(a)}) and {nameB} ({Keys(b)}), so there is nothing to compare");
        }

        return samples;
    }

    /// <summary>Variant <paramref name="variantA"/> against <paramref name="variantB"/> in one file, at every size both ran.</summary>
    public static IReadOnlyList<ComparisonSample> FromVariants(ScaleResults results, string variantA, string variantB) =>
        Between(results, (ProcessRecord.EngineTool, variantA), (ProcessRecord.EngineTool, variantB), $"{variantA} -> {variantB}");

    /// <summary>The engine named <paramref name="toolA"/> against <paramref name="toolB"/> (the refs of <c>compare --refs</c>), both with <paramref name="variant"/>.</summary>
    public static IReadOnlyList<ComparisonSample> FromTools(ScaleResults results, string toolA, string toolB, string variant) =>
        Between(results, (toolA, variant), (toolB, variant), variant);

    private static ComparisonSample[] Between(ScaleResults results, (string Tool, string Variant) a, (string Tool, string Variant) b, string label)
    {
        ArgumentNullException.ThrowIfNull(results);
        var points = results.Projects.OrderBy(p => p.Sources).ThenBy(p => p.LargeFiles).ToArray();
        return points.SelectMany(p => Samples(results, a.Tool, a.Variant, results, b.Tool, b.Variant, p.Sources, p.LargeFiles, label)).ToArray();
    }

    private static IEnumerable<ComparisonSample> Samples(ScaleResults a, string toolA, string variantA, ScaleResults b, string toolB, string variantB, int sources, int largeFiles, string label)
    {
        var runsA = Runs(a, toolA, variantA, sources, largeFiles);
        var runsB = Runs(b, toolB, variantB, sources, largeFiles);
        if (runsA.Length > 0 && runsB.Length > 0)
        {
            foreach (var (metric, select) in ComparisonMetric.Footprint)
            {
                yield return new ComparisonSample(label, sources, largeFiles, metric, runsA.Select(select).ToArray(), runsB.Select(select).ToArray());
            }
        }

        foreach (var operation in ProcessOperations.All)
        {
            var pa = Process(a, toolA, variantA, sources, largeFiles, operation);
            var pb = Process(b, toolB, variantB, sources, largeFiles, operation);
            if (pa.Length == 0 || pb.Length == 0)
            {
                continue;
            }

            var (peak, wall) = ComparisonMetric.Process(operation);
            yield return new ComparisonSample(label, sources, largeFiles, peak, pa.Select(r => (double)r.PeakRssBytes).ToArray(), pb.Select(r => (double)r.PeakRssBytes).ToArray());
            yield return new ComparisonSample(label, sources, largeFiles, wall, pa.Select(r => r.WallSeconds).ToArray(), pb.Select(r => r.WallSeconds).ToArray());
        }
    }

    /// <summary>The footprint runs of the engine's variant (only the toolkit's own runs have footprints).</summary>
    private static Measuring.FootprintRecord[] Runs(ScaleResults results, string tool, string variant, int sources, int largeFiles) =>
        tool != ProcessRecord.EngineTool ? [] : results.Runs.Where(r => !r.Warmup && r.Variant == variant && r.Sources == sources && r.LargeFiles == largeFiles).Select(r => r.Footprint).ToArray();

    private static ProcessRun[] Process(ScaleResults results, string tool, string variant, int sources, int largeFiles, string operation) =>
        results.Processes?.FirstOrDefault(p => p.Tool == tool && p.Variant == variant && p.Sources == sources && p.LargeFiles == largeFiles && p.Operation == operation && p.SkippedBecause is null)?.Counted.ToArray() ?? [];

    private static IEnumerable<(string Tool, string Variant, int Sources, int LargeFiles)> Cases(ScaleResults results) =>
        results.Runs.Where(r => !r.Warmup).Select(r => (ProcessRecord.EngineTool, r.Variant, r.Sources, r.LargeFiles))
            .Concat((results.Processes ?? []).Where(p => p.Tool == ProcessRecord.EngineTool && p.Variant is not null).Select(p => (p.Tool, p.Variant!, p.Sources, p.LargeFiles)))
            .Distinct();

    private static string Keys(ScaleResults results)
    {
        var keys = Cases(results).Select(k => $"{k.Variant}@{k.Sources}").Distinct().ToArray();
        return keys.Length == 0 ? "no runs" : string.Join(", ", keys.Take(8)) + (keys.Length > 8 ? ", ..." : "");
    }
}
