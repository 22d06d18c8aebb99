using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// Everything the pages of one results file share, computed once: the ordinary sizes' footprint and
/// process analyses (counted runs), the judged points (sizes, then the large-files point), and every
/// optimization's verdicts.
/// </summary>
public sealed class PageModel
{
    /// <summary>Indexes and judges <paramref name="results"/> with the project's variants.</summary>
    public PageModel(ScaleResults results)
        : this(results, VariantFactory.Default)
    {
    }

    /// <summary>Indexes and judges <paramref name="results"/>, ordering and describing variants by <paramref name="variants"/>.</summary>
    public PageModel(ScaleResults results, VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
        var ordinary = ResultsViews.Ordinary(results);
        Analysis = new ScaleAnalysis(ordinary, variants);
        Processes = new ProcessAnalysis(ordinary);
        Points = JudgedPoint.All(results, variants);
        Verdicts = Analysis.Optimizations.ToDictionary(v => v, v => TechniqueJudge.Across(Points, v, TechniqueText.JudgedBy(Analysis, v)), StringComparer.Ordinal);
    }

    /// <summary>The results file.</summary>
    public ScaleResults Results { get; }

    /// <summary>The ordinary sizes' footprint runs.</summary>
    public ScaleAnalysis Analysis { get; }

    /// <summary>The ordinary sizes' whole-process runs.</summary>
    public ProcessAnalysis Processes { get; }

    /// <summary>Every judged point.</summary>
    public IReadOnlyList<JudgedPoint> Points { get; }

    /// <summary>Every optimization's verdicts, by variant.</summary>
    public IReadOnlyDictionary<string, VariantVerdicts> Verdicts { get; }

    /// <summary>The sizes, ascending.</summary>
    public IReadOnlyList<int> Sizes => Analysis.Sizes;

    /// <summary>The variants, baseline first.</summary>
    public IReadOnlyList<string> Variants => Analysis.Variants;

    /// <summary>The operations measured as whole processes.</summary>
    public IReadOnlyList<string> Operations => Processes.Operations;

    /// <summary>The large-files point, or null.</summary>
    public JudgedPoint? LargeFilesPoint => Points.FirstOrDefault(p => p.LargeFiles > 0);

    /// <summary>The whole-process samples of a variant's or a peer's operation at a size: peak RSS and wall.</summary>
    public (double[] PeakRss, double[] Wall) Process(string tool, string? variant, int sources, string operation) =>
        (Processes.PeakRss(tool, variant, sources, operation), Processes.Wall(tool, variant, sources, operation));

    /// <summary>The rows every whole-process table and chart has: each engine variant, then each peer, as (label, tool, variant).</summary>
    public IReadOnlyList<(string Label, string Tool, string? Variant)> Tools() =>
        [.. Variants.Select(v => (v, ProcessRecord.EngineTool, (string?)v)), .. Processes.Peers.Select(p => (p, p, (string?)null))];
}
