using System.Text;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// Writes the results pages from a results file alone: README.md, scaling.md, memory.md,
/// reduce-memory.md, recommendations/VARIANT.md per optimization, the SVG charts under charts/ and the
/// exports under exports/, and removes the charts and recommendation pages of an earlier report that this one did not write. The same results (and the same source excerpts) always give the same
/// bytes: no clock, ordinal ordering, invariant numbers, UTF-8 without BOM, LF line ends.
/// </summary>
public static class ReportGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the pages into <paramref name="outputDirectory"/>, quoting the sources embedded in the toolkit and linking the docs of the repository above the folder; returns the files written, in writing order.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory) =>
        Write(results, outputDirectory, VariantFactory.Default);

    /// <summary>As <see cref="Write(ScaleResults, string)"/>, with the variants of <paramref name="variants"/>.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, VariantFactory variants) =>
        Write(results, outputDirectory, new EmbeddedSourceExcerpts(), PageLinks.For(outputDirectory), variants);

    /// <summary>Writes the pages, quoting source from <paramref name="excerpts"/>, with the committed layout's links (results/ one level below the root).</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts) =>
        Write(results, outputDirectory, excerpts, new PageLinks());

    /// <summary>Writes the pages of <paramref name="variants"/>, quoting source from <paramref name="excerpts"/>, with the committed layout's links.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts, VariantFactory variants) =>
        Write(results, outputDirectory, excerpts, new PageLinks(), variants);

    /// <summary>Writes the pages of the project's variants, quoting source from <paramref name="excerpts"/> and linking as <paramref name="links"/> says.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts, PageLinks links) =>
        Write(results, outputDirectory, excerpts, links, VariantFactory.Default);

    /// <summary>Writes the pages, ordering and describing variants by <paramref name="variants"/>, quoting source from <paramref name="excerpts"/> and linking as <paramref name="links"/> says.</summary>
    public static IReadOnlyList<string> Write(ScaleResults results, string outputDirectory, IExcerptSource excerpts, PageLinks links, VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(excerpts);
        ArgumentNullException.ThrowIfNull(links);
        ResultsValidator.Validate(results, "results");
        var model = new PageModel(results, variants);
        var written = new List<string>();
        void Emit(string relative, string text)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, Utf8);
            written.Add(path);
        }

        foreach (var (file, chart) in ScalingPage.Charts(model))
        {
            Emit(file, chart.ToSvg());
        }

        Emit("README.md", ReadmePage.Render(model, links));
        Emit("scaling.md", ScalingPage.Render(model, links));
        Emit("memory.md", MemoryPage.Render(model, links));
        Emit("reduce-memory.md", ReduceMemoryPage.Render(model));
        foreach (var variant in model.Analysis.Optimizations)
        {
            Emit($"recommendations/{variant}.md", RecommendationPage.Render(model, variant, excerpts, links));
        }

        var rows = ExportWriter.Rows(results);
        Emit(ExportWriter.CsvFile, ExportWriter.Csv(rows));
        Emit(ExportWriter.MarkdownFile, ExportWriter.Markdown(rows, results));
        Emit(ExportWriter.JsonFile, ExportWriter.Json(rows, results));
        RemoveStale(outputDirectory, written);
        return written;
    }

    /// <summary>The folders only the report writes into, and the kind of file it writes there.</summary>
    private static readonly (string Folder, string Pattern)[] OwnedFiles = [("charts", "*.svg"), ("recommendations", "*.md")];

    /// <summary>
    /// Deletes the charts and recommendation pages an earlier report left in <paramref name="outputDirectory"/> that this
    /// one did not write (a variant or an operation the new results do not have), so a regenerated folder never shows
    /// a page of another run. Only <c>charts/*.svg</c> and <c>recommendations/*.md</c> are touched; every other file stays.
    /// </summary>
    private static void RemoveStale(string outputDirectory, List<string> written)
    {
        var kept = new HashSet<string>(written.Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var (folder, pattern) in OwnedFiles)
        {
            var directory = Path.Combine(outputDirectory, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, pattern))
            {
                if (!kept.Contains(Path.GetFullPath(file)))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
