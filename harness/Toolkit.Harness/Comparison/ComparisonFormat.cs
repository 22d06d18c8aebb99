namespace Toolkit.Harness.Comparison;

/// <summary>The output formats of <c>toolkit compare</c> (<c>--format</c>).</summary>
public static class ComparisonFormat
{
    /// <summary>Aligned plain-text tables, one per metric.</summary>
    public const string Text = "text";

    /// <summary>GitHub markdown: a heading and one table (for a CI job summary).</summary>
    public const string Markdown = "markdown";

    /// <summary>One JSON object: the header, the rows, the regressions (docs/measuring.md, "compare's output").</summary>
    public const string Json = "json";

    /// <summary>A header line and one line per row (columns in <see cref="ComparisonWriter.CsvColumns"/>).</summary>
    public const string Csv = "csv";

    /// <summary>Every format, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Text, Markdown, Json, Csv];
}
