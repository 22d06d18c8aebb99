using System.Diagnostics;
using System.Text.RegularExpressions;
using Toolkit.Introspection.Heap;
using Xunit.Abstractions;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>The HTML page of a heap, rendered by a real headless Chromium (skipped with a message when /usr/bin/chromium is absent):
/// its script runs, fills the type table, sorts it, and shows an object's paths from the roots.</summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed partial class HeapHtmlReportTests(MixedHeapFixture heap, ITestOutputHelper output) : IClassFixture<MixedHeapFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void The_page_runs_in_Chromium_sorts_types_and_shows_paths()
    {
        var graph = HeapGraphReducer.Reduce(heap.Graph, new HeapReduceOptions { DropUnreachable = true });
        string html = HeapHtmlReport.Render(graph, "mixed heap");
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        if (!File.Exists(Chromium))
        {
            output.WriteLine($"skipped: {Chromium} not found");
            return;
        }
        using var dir = new TempDirectory();
        string page = dir.File("heap.html");
        File.WriteAllText(page, html);
        string dom = DumpDom(dir, new Uri(page).AbsoluteUri + "#sort=count&object=0");
        Assert.Contains("mixed heap", dom, StringComparison.Ordinal);
        Assert.Contains(graph.Unreachable.ToText(), dom, StringComparison.Ordinal);
        var counts = CountCells().Matches(dom[dom.IndexOf("<table id=\"types\"", StringComparison.Ordinal)..dom.IndexOf("<table id=\"findings\"", StringComparison.Ordinal)])
            .Select(m => long.Parse((m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts.Count > 10, dom);
        Assert.Equal(counts.OrderDescending(), counts);
        var paths = dom[dom.IndexOf("<div id=\"paths\">", StringComparison.Ordinal)..];
        Assert.Matches(@"path 1, root \w+", paths);
        Assert.True(Regex.Matches(dom, "<g class=\"cell\"").Count > 3);
    }

    private static string DumpDom(TempDirectory dir, string url)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.File("profile"), "--dump-dom", url })
        {
            start.ArgumentList.Add(flag);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {error.Result}");
        return dom;
    }

    // The first cell (Count) of each row of the type table.
    [GeneratedRegex(@"<tr class=""pick""><td>([\d,]+)</td>|<tr><td>([\d,]+)</td>")]
    private static partial Regex CountCells();
}
