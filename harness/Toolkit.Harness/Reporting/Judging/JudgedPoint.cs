namespace Toolkit.Harness.Reporting.Judging;

/// <summary>
/// One point techniques are judged at: an ordinary size, or the large-files point, with the analyses
/// of its managed-heap runs and of its whole-process runs.
/// </summary>
/// <param name="Sources">The size.</param>
/// <param name="LargeFiles">Its large files (0 for an ordinary size).</param>
/// <param name="Analysis">The footprint runs of the view the point belongs to.</param>
/// <param name="Processes">The whole-process runs of the same view.</param>
public sealed record JudgedPoint(int Sources, int LargeFiles, ScaleAnalysis Analysis, ProcessAnalysis Processes)
{
    /// <summary>The point's name on a page: "10,000 sources", "1,000 sources + 8 large files".</summary>
    public string Label => LargeFiles > 0 ? $"{Format.Count(Sources)} sources + {LargeFiles} large files" : $"{Format.Count(Sources)} sources";

    /// <summary>The graph's nodes at the point.</summary>
    public long Nodes => Analysis.NodesAt(Sources);

    /// <summary>Every point of a results file: its ordinary sizes ascending, then the large-files point if any.</summary>
    public static IReadOnlyList<JudgedPoint> All(Results.ScaleResults results, Optimizations.VariantFactory? variants = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        variants ??= Optimizations.VariantFactory.Default;
        var ordinary = ResultsViews.Ordinary(results);
        var analysis = new ScaleAnalysis(ordinary, variants);
        var processes = new ProcessAnalysis(ordinary);
        var points = analysis.Sizes.Select(s => new JudgedPoint(s, 0, analysis, processes)).ToList();
        if (ResultsViews.LargeFiles(results) is { } large)
        {
            var largeAnalysis = new ScaleAnalysis(large, variants);
            points.AddRange(largeAnalysis.Sizes.Select(s => new JudgedPoint(s, ResultsViews.LargeFileCount(results), largeAnalysis, new ProcessAnalysis(large))));
        }

        return points;
    }
}
