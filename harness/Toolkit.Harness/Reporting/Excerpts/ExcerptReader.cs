using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Excerpts;

/// <summary>
/// Cuts marked regions out of source text. The convention: a line whose trimmed text is
/// <c>// excerpt: NAME</c> opens region NAME, the next line whose trimmed text is <c>// end excerpt</c>
/// closes it; regions do not nest and names are unique within a file. What is shown: the lines in
/// between, XML doc comment lines (<c>///</c>) and the blank lines separating members left out,
/// indentation common to all lines removed, at most <see cref="MaximumLines"/> lines.
/// </summary>
public static class ExcerptReader
{
    /// <summary>The longest excerpt shown: a page should show the idea, not the file; longer regions are cut with a note.</summary>
    public const int MaximumLines = 40;

    private const string OpenMarker = "// excerpt: ";
    private const string CloseMarker = "// end excerpt";

    /// <summary>Finds <paramref name="reference"/> in <paramref name="source"/>.</summary>
    public static Excerpt Read(IExcerptSource source, SourceRegion reference)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reference);
        var text = source.ReadFile(reference.File);
        if (text is null)
        {
            return NotFound(reference, "the file is not part of this build");
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == OpenMarker + reference.Name);
        if (start < 0)
        {
            return NotFound(reference, $"no `{OpenMarker}{reference.Name}` line in the file");
        }

        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == CloseMarker);
        if (end < 0)
        {
            return NotFound(reference, $"`{OpenMarker}{reference.Name}` has no `{CloseMarker}` line after it");
        }

        var kept = new List<string>();
        var docLeftOut = false;
        for (var i = start + 1; i < end; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("///", StringComparison.Ordinal))
            {
                docLeftOut = true;
                while (kept.Count > 0 && kept[^1].Trim().Length == 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            if (!trimmed.StartsWith(OpenMarker, StringComparison.Ordinal))
            {
                kept.Add(lines[i].TrimEnd());
            }
        }

        while (kept.Count > 0 && kept[0].Length == 0)
        {
            kept.RemoveAt(0);
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        if (kept.Count == 0)
        {
            return NotFound(reference, "the marked region is empty");
        }

        var indent = kept.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var leftOut = Math.Max(0, kept.Count - MaximumLines);
        var shown = kept.Take(MaximumLines).Select(l => l.Length >= indent ? l[indent..] : string.Empty);
        return new Excerpt(reference, string.Join("\n", shown), null, docLeftOut, leftOut);
    }

    private static Excerpt NotFound(SourceRegion reference, string reason) =>
        new(reference, null, $"excerpt not found: {reference.Name} in {reference.File} ({reason})", false, 0);
}
