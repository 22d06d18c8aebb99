using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Judging;

/// <summary>A technique's verdicts at every point, the one its headline uses, and where the verdict changes with size.</summary>
/// <param name="Variant">The technique's variant.</param>
/// <param name="Metric">The memory figure it is judged by.</param>
/// <param name="Points">The verdict at each point it and baseline share (sizes ascending, then the large-files point).</param>
/// <param name="Judged">The headline verdict's point (see <see cref="TechniqueJudge.Across"/>), or null when nothing was shared.</param>
public sealed record VariantVerdicts(string Variant, MemoryMetric Metric, IReadOnlyList<PointVerdict> Points, PointVerdict? Judged)
{
    /// <summary>The headline kind.</summary>
    public VerdictKind Kind => Judged?.Kind ?? VerdictKind.NotMeasured;

    /// <summary>True when the ordinary sizes do not all give the same verdict.</summary>
    public bool ChangesWithSize => Points.Where(p => p.Point.LargeFiles == 0).Select(p => p.Kind).Distinct().Count() > 1;

    /// <summary>
    /// Where each verdict holds, in size order: "recommended at every size", or "no measurable saving at
    /// 1,000 sources; recommended at 10,000 and 100,000 sources", plus the large-files point when there is one.
    /// </summary>
    public string SizeSummary()
    {
        var ordinary = Points.Where(p => p.Point.LargeFiles == 0).ToArray();
        var parts = new List<string>();
        if (ordinary.Length > 0)
        {
            if (!ChangesWithSize)
            {
                parts.Add($"{ordinary[0].Short} at {(ordinary.Length == 1 ? ordinary[0].Point.Label : "every size measured")}");
            }
            else
            {
                // Consecutive sizes with the same verdict are one run: "a at 1k; b at 10k and 100k".
                var runs = new List<(VerdictKind Kind, List<PointVerdict> At)>();
                foreach (var verdict in ordinary)
                {
                    if (runs.Count == 0 || runs[^1].Kind != verdict.Kind)
                    {
                        runs.Add((verdict.Kind, []));
                    }

                    runs[^1].At.Add(verdict);
                }

                parts.Add("the verdict changes with size: " + string.Join("; ", runs.Select(r => $"{PointVerdict.Names(r.Kind)} at {Sizes(r.At)}")));
            }
        }

        foreach (var large in Points.Where(p => p.Point.LargeFiles > 0))
        {
            parts.Add($"{large.Short} at {large.Point.Label}");
        }

        return parts.Count == 0 ? "not measured beside baseline" : string.Join("; ", parts);
    }

    private static string Sizes(List<PointVerdict> at)
    {
        var counts = at.Select(v => Format.Count(v.Point.Sources)).ToArray();
        return counts.Length == 1 ? counts[0] + " sources" : string.Join(", ", counts[..^1]) + " and " + counts[^1] + " sources";
    }
}
