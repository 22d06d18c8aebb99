using System.Text.RegularExpressions;
using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tests.Tracking;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Reporting;

/// <summary>The three renderings of tracker stats carry the same facts; the HTML page is self-contained.</summary>
public sealed class ReportTests
{
    private static readonly TrackerStats Stats = SampleStats.Build();

    [Fact]
    public void The_console_table_lists_snapshots_types_largest_fields_and_lifetimes()
    {
        string text = ConsoleReport.Render(Stats);
        foreach (string expected in new[] { "after-load", "after-build", "Holder", "Tracked", "List<Holder>", "Numbers", "(the instances themselves)", "Lifetimes" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Columns line up: every row of the snapshot table is as wide as its dashes line or narrower.
        string[] lines = text.Split('\n');
        int dashes = Array.FindIndex(lines, l => l.StartsWith("--------", StringComparison.Ordinal));
        Assert.True(lines[dashes + 1].Length <= lines[dashes].Length);
    }

    [Fact]
    public void The_markdown_page_has_well_formed_tables()
    {
        string md = MarkdownReport.Render(Stats);
        Assert.StartsWith("# Heap monitor", md, StringComparison.Ordinal);
        var tableLines = md.Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.NotEmpty(tableLines);
        Assert.Contains("List&lt;Holder>", md, StringComparison.Ordinal);
        Assert.Contains(tableLines, l => l.Contains("---: |", StringComparison.Ordinal));
    }

    [Fact]
    public void The_html_page_is_self_contained_with_four_kinds_of_chart()
    {
        string html = HtmlReport.Render(Stats, "Test <page>");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Test &lt;page&gt;", html, StringComparison.Ordinal);
        Assert.True(Regex.Matches(html, "<svg").Count >= 4, "expected the stacked area, lifetimes, largest and field charts");
        Assert.Contains("Memory per type over time", html, StringComparison.Ordinal);
        Assert.Contains("Instance lifetimes", html, StringComparison.Ordinal);
        Assert.Contains("Bytes by field: Holder", html, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_stats_render_without_failing()
    {
        var empty = new TrackerStats();
        Assert.Contains("0 objects tracked", ConsoleReport.Render(empty), StringComparison.Ordinal);
        Assert.Contains("no snapshots", HtmlReport.Render(empty), StringComparison.Ordinal);
        Assert.Contains("## Lifetimes", MarkdownReport.Render(empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_counts_read_naturally()
    {
        Assert.Equal("1,023 B", ByteFormat.Format(1023));
        Assert.Equal("1.00 KiB", ByteFormat.Format(1024));
        Assert.Equal("1.50 MiB", ByteFormat.Format(1536 * 1024));
        Assert.Equal("128 KiB", ByteFormat.Format(131_128));
    }
}
