using System.Globalization;
using System.Xml.Linq;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Reporting.Charts;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Every chart parses as XML, has one series per variant and peer in the data, and draws every point inside the plot area.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Charts => new() { "peak-rss-dry-run", "peak-rss-per-node-null-build", "time-full-build", "time-null-build" };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Fixture_charts_parse_have_a_series_per_variant_and_peer_error_bars_and_points_inside_the_axes(string chart)
    {
        using var output = new TempDirectory();
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        ReportGenerator.Write(results, output.Path, FixtureExcerpts.FromFixtureDirectory());
        var svg = XDocument.Load(Path.Combine(output.Path, "charts", chart + ".svg"));

        var expected = results.Runs.Select(r => r.Variant).Distinct().Concat(results.Processes!.Where(p => p.Tool != ProcessRecord.EngineTool).Select(p => p.Tool).Distinct()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(12, expected.Length);
        Assert.Equal(expected, SeriesNames(svg).Order(StringComparer.Ordinal));
        AssertPointsInside(svg);
        Assert.False(string.IsNullOrWhiteSpace(svg.Root!.Element(Svg + "title")?.Value));
        Assert.Equal(expected.Length, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").Count());

        // 8 variants × 3 sizes and 3 measured peers × 3 sizes; scons (skipped) draws nothing; the large-files point is not an ordinary size.
        Assert.Equal(33, Points(svg).Count());
        Assert.Empty(SeriesGroup(svg, "scons").Elements(Svg + "circle"));
        Assert.Equal(3, SeriesGroup(svg, "make").Elements(Svg + "circle").Count());
        Assert.NotNull(SeriesGroup(svg, "make").Element(Svg + "polyline")?.Attribute("stroke-dasharray"));
        Assert.Null(SeriesGroup(svg, "baseline").Element(Svg + "polyline")?.Attribute("stroke-dasharray"));

        // Intervals are drawn as error bars around their markers, inside the plot.
        var bars = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "error-bar").ToArray();
        Assert.NotEmpty(bars);
    }

    [Fact]
    public void The_managed_heap_chart_has_the_variants_only_and_a_note_where_lines_coincide()
    {
        using var output = new TempDirectory();
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        ReportGenerator.Write(results, output.Path, FixtureExcerpts.FromFixtureDirectory());
        var heap = XDocument.Load(Path.Combine(output.Path, "charts", "managed-heap.svg"));
        Assert.Equal(results.Runs.Select(r => r.Variant).Distinct().Order(StringComparer.Ordinal), SeriesNames(heap).Order(StringComparer.Ordinal));
        Assert.Equal(24, Points(heap).Count());

        // In the fixture, optimized's and struct-of-arrays' full-build peak RSS is the same at 100k only: no note;
        // baseline and chunked-hashing hold the same heap at every size: a note names them.
        var note = heap.Descendants(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == "note");
        Assert.NotNull(note);
        Assert.Contains("baseline", note!.Value, StringComparison.Ordinal);
        Assert.Contains("chunked-hashing", note.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Coincidence_needs_every_shared_point_within_the_tolerance()
    {
        static ChartSeries Series(string name, params double[] y) =>
            new(name, name, new SeriesStyle("#000000", 1, null), y.Select((v, i) => new ChartPoint(Math.Pow(10, i + 3), v, name)).ToArray());
        var groups = Coincidence.Find([Series("a", 100, 200), Series("b", 101, 199), Series("c", 100, 260), Series("d", 102, 201)]);
        var group = Assert.Single(groups);
        Assert.Equal(["a", "b", "d"], group);
        Assert.Null(Coincidence.Describe([Series("a", 100), Series("b", 110)]));
    }

    [Fact]
    public void Axes_have_labelled_decade_ticks_on_a_log_scale()
    {
        using var output = new TempDirectory();
        ReportGenerator.Write(ResultsFile.Read(ReportingFiles.FixtureJson), output.Path, FixtureExcerpts.FromFixtureDirectory());
        var svg = XDocument.Load(Path.Combine(output.Path, "charts", "peak-rss-full-build.svg"));
        var xLabels = Axis(svg, "x-axis").Elements(Svg + "text").Where(t => (string?)t.Attribute("class") != "axis-label").Select(t => t.Value).ToArray();
        Assert.Contains("10k", xLabels);
        Assert.Contains("100k", xLabels);

        // Decades are equally far apart on a log axis.
        var ticks = Axis(svg, "x-axis").Elements(Svg + "text").Where(t => t.Value is "10k" or "100k" or "1k" or "1M").Select(t => Number(t, "x")).ToArray();
        Assert.True(ticks.Length >= 2);
        var gaps = ticks.Zip(ticks.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gaps, g => Assert.Equal(gaps[0], g, 0.2));
        Assert.Equal(2, Axis(svg, "y-axis").Parent!.Descendants(Svg + "text").Count(t => (string?)t.Attribute("class") == "axis-label"));
    }

    [Fact]
    public void Series_of_a_variant_seen_at_one_size_and_a_peer_at_some_sizes_stay_inside_the_axes()
    {
        double[] rss = [1e8, 1.01e8, 1.02e8, 1.03e8, 1.04e8];
        double[] wall = [1, 1.01, 1.02, 1.03, 1.04];
        var results = new ResultsBuilder()
            .Project(100, 250).Project(1000, 2500).Project(10000, 25000)
            .Runs("baseline", 100, [900, 910, 905]).Runs("baseline", 1000, [950, 960, 955]).Runs("baseline", 10000, [980, 990, 985])
            .Runs("my-variant", 1000, [500, 510, 505])
            .Engine("baseline", 100, rss, wall).Engine("baseline", 1000, rss, wall).Engine("baseline", 10000, rss, wall).Engine("my-variant", 1000, rss, wall)
            .Process("ninja", null, 1000, ProcessOperations.DryRun, [5e6, 5.1e6, 5.2e6, 5.3e6], [0.01, 0.011, 0.012, 0.013])
            .Process("make", null, 100, ProcessOperations.DryRun, [1e6, 1.1e6, 1.2e6, 1.3e6], [0.001, 0.0011, 0.0012, 0.0013])
            .Build();
        var svg = XDocument.Parse(ScaleCharts.PeakRss(new Harness.Reporting.Pages.PageModel(results), ProcessOperations.DryRun).ToSvg());
        Assert.Equal(["baseline", "my-variant", "make", "ninja"], SeriesNames(svg));
        Assert.Single(SeriesGroup(svg, "my-variant").Elements(Svg + "circle"));
        Assert.Null(SeriesGroup(svg, "my-variant").Element(Svg + "polyline"));
        Assert.Single(SeriesGroup(svg, "ninja").Elements(Svg + "circle"));
        AssertPointsInside(svg);
    }

    [Fact]
    public void Log_scale_rounds_bounds_out_to_nice_values_and_keeps_a_margin()
    {
        var scale = new LogScale(2236, 221_090, 0, 100);
        Assert.Equal(2000, scale.Low);
        Assert.Equal(500_000, scale.High);
        Assert.Equal(0, scale.Map(2000), 6);
        Assert.Equal(100, scale.Map(500_000), 6);
        Assert.True(scale.Map(2236) > 0 && scale.Map(221_090) < 100);
        Assert.Contains(scale.Ticks(), t => t.Value == 10_000 && t.Labelled);
        Assert.Contains(scale.Ticks(), t => t.Value == 3000 && !t.Labelled);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogScale(0, 10, 0, 100));
    }

    private static string[] SeriesNames(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").Select(g => (string)g.Attribute("data-series")!).ToArray();

    private static XElement SeriesGroup(XDocument svg, string name) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "series" && (string?)g.Attribute("data-series") == name);

    private static XElement Axis(XDocument svg, string name) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == name);

    private static IEnumerable<(double X, double Y)> Points(XDocument svg)
    {
        foreach (var series in svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series"))
        {
            foreach (var circle in series.Elements(Svg + "circle"))
            {
                yield return (Number(circle, "cx"), Number(circle, "cy"));
            }
        }
    }

    private static void AssertPointsInside(XDocument svg)
    {
        var area = svg.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "plot-area");
        double left = Number(area, "x"), top = Number(area, "y"), right = left + Number(area, "width"), bottom = top + Number(area, "height");
        var polylinePoints = svg.Descendants(Svg + "polyline")
            .SelectMany(p => ((string)p.Attribute("points")!).Split(' '))
            .Select(pair => pair.Split(','))
            .Select(xy => (X: double.Parse(xy[0], CultureInfo.InvariantCulture), Y: double.Parse(xy[1], CultureInfo.InvariantCulture)));
        var all = Points(svg).Concat(polylinePoints).ToArray();
        Assert.NotEmpty(all);
        Assert.All(all, p => Assert.True(p.X > left && p.X < right && p.Y > top && p.Y < bottom, $"point {p} outside the plot area {left},{top} to {right},{bottom}"));
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
