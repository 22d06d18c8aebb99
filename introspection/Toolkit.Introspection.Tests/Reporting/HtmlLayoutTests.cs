using System.Net;
using System.Text.RegularExpressions;
using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tests.Heap;
using Toolkit.Introspection.Tests.Tracking;
using Toolkit.Introspection.Tracking;
using Toolkit.SizerTarget;

namespace Toolkit.Introspection.Tests.Reporting;

/// <summary>
/// The report page as a person sees it: rendered by headless Chromium, which runs a small script
/// (layout-check.js, added to a copy of the page) that compares the DOM's bounding boxes: no text
/// outside its chart, its cell or the page column, and no two labels on top of each other.
/// </summary>
public sealed partial class HtmlLayoutTests
{
    [ChromiumFact]
    public void The_page_of_a_small_tracked_program_renders_and_no_text_overflows()
    {
        AssertLayout(HtmlReport.Render(SampleStats.Build(), "Heap monitor: the test's sample"));
    }

    [ChromiumFact]
    public void Many_instances_and_long_type_names_still_fit()
    {
        var stats = SyntheticStats.Build(instances: 5_000, snapshots: 30);
        const string Long = "Dictionary<String, List<KeyValuePair<ConstructionEnvironment, BaselineNodeInfo>>>";
        foreach (var s in stats.Snapshots)
        {
            s.Types.Add(new TypeTotal { TypeName = Long, Count = 3, Bytes = 40_000_000 });
        }

        for (int i = 0; i < stats.Instances.Count; i += 7)
        {
            stats.Instances[i].TypeName = Long;
        }

        stats.Instances[0].Name = "BaselineNodeStore._byPath, the dictionary from every normalized path to its node";
        string html = HtmlReport.Render(stats, "toolkit build /a/rather/long/path/to/a/generated/project/with/ten/thousand/sources (baseline)");
        Assert.True(Regex.Count(html, "<rect") < 200, "lifetimes are aggregated, not one bar per instance");
        AssertLayout(html);
    }

    private static void AssertLayout(string html)
    {
        using var temp = new TempDirectory();
        string script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reporting", "layout-check.js"));
        string page = temp.File("page.html");
        File.WriteAllText(page, html.Replace("</body>", "<script>" + script + "</script></body>", StringComparison.Ordinal));
        string profile = temp.File("profile");
        Directory.CreateDirectory(profile);
        var (code, output) = ChildProcess.Run(ChromiumFactAttribute.Path, temp.Info.FullName,
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--window-size=1280,1000", "--dump-dom", new Uri(page).AbsoluteUri);
        var result = CheckResult().Match(output);
        Assert.True(code == 0 && result.Success, $"chromium exited {code} without the check's result:\n{output[..Math.Min(output.Length, 3000)]}");
        string[] lines = WebUtility.HtmlDecode(result.Groups["text"].Value).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var counts = SvgCount().Match(lines[0]);
        Assert.True(counts.Success && int.Parse(counts.Groups["svg"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2, lines[0]);
        Assert.True(lines.Length == 1, "layout problems:\n" + string.Join('\n', lines.Skip(1)));
    }

    [GeneratedRegex("<pre id=\"layout-check\">(?<text>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex CheckResult();

    [GeneratedRegex(@"CHECKED svg=(?<svg>\d+)")]
    private static partial Regex SvgCount();
}
