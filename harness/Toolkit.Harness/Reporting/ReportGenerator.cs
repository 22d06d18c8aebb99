using System.Text;
using Toolkit.Harness.Reporting.Charts;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// Writes the results pages from a results file alone: README.md, scaling.md, reduce-memory.md,
/// recommendations/VARIANT.md per optimization and the SVG charts under charts/. The same results
/// (and the same source excerpts) always give the same bytes: no clock, ordinal ordering, invariant
/// numbers, UTF-8 without BOM, LF line ends.
/// </summary>
public static class ReportGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the pages into <paramref name="outputDirectory"/>, quoting the sources embedded in the toolkit; returns the files written, in writing order.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory) =>
        Write(results, outputDirectory, new EmbeddedSourceExcerpts());

    /// <summary>Writes the pages of the project's variants, quoting source from <paramref name="excerpts"/>.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts) =>
        Write(results, outputDirectory, excerpts, VariantFactory.Default);

    /// <summary>Writes the pages, ordering and describing variants by <paramref name="variants"/> and quoting source from <paramref name="excerpts"/>.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts, VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(excerpts);
        ResultsValidator.Validate(results, "results");
        var analysis = new ScaleAnalysis(results, variants);
        var written = new List<string>();
        void Emit(string relative, string text)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, Utf8);
            written.Add(path);
        }

        Emit("charts/peak-rss-per-node.svg", ScaleCharts.PeakRssPerNode(analysis).ToSvg());
        Emit("charts/memory-vs-nodes.svg", ScaleCharts.Memory(analysis).ToSvg());
        Emit("charts/time-vs-nodes.svg", ScaleCharts.Time(analysis).ToSvg());
        Emit("README.md", ReadmePage.Render(analysis, "charts/peak-rss-per-node.svg"));
        Emit("scaling.md", ScalingPage.Render(analysis, "charts/memory-vs-nodes.svg", "charts/time-vs-nodes.svg"));
        Emit("reduce-memory.md", ReduceMemoryPage.Render(analysis));
        foreach (var variant in analysis.Optimizations)
        {
            Emit($"recommendations/{variant}.md", RecommendationPage.Render(analysis, variant, excerpts));
        }

        return written;
    }
}
