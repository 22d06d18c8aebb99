using System.Xml.Linq;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;
using Xunit.Abstractions;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// <c>toolkit scale</c> end to end through the real program, small: every tool as a whole process
/// (dry run, full build, null build) and the variants' footprints, one warm-up run each, a balanced
/// order, the large-files point, and the pages.
/// </summary>
public sealed class ScaleEndToEndTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-scale-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Scale_measures_every_tool_as_a_whole_process_after_a_warm_up_in_a_balanced_order_and_writes_the_pages()
    {
        if (ProcessMeasurer.WhyNotMeasurable() is { } why)
        {
            log.WriteLine("skipped: " + why);
            return;
        }

        // ninja and samurai when they are here (a missing one is recorded as skipped, which is checked too).
        var output = Path.Join(_temp, "results");
        var (code, stdout, stderr) = ToolkitProcess.Run(
            _temp, "scale", "--sources", "100", "--variants", "chunked-hashing", "--repeat", "2", "--peers", "ninja,samurai", "--large-files", "1", "--out", output, "--projects", Path.Join(_temp, "projects"));
        Assert.True(code == 0, stderr + stdout);
        var results = ResultsFile.Read(Assert.Single(Directory.GetFiles(output, "scale-*.json")));

        // Footprints: baseline (always) and chunked-hashing (judged by peak RSS, so the large-files point is added), at the size and at the large-files point, 1 warm-up + 2 each.
        Assert.Equal(2 * 2 * 3, results.Runs.Count);
        Assert.Equal(2, results.Projects.Count);
        Assert.Equal(1, results.Projects.Single(p => p.LargeFiles > 0).LargeFiles);
        foreach (var group in results.Runs.GroupBy(r => (r.Variant, r.Sources, r.LargeFiles)))
        {
            var first = group.MinBy(r => r.Sequence)!;
            Assert.True(first.Warmup && first.Repetition == 0, $"{group.Key}: the first run is not the warm-up");
            Assert.Single(group, r => r.Warmup);
            Assert.All(group, r => Assert.True(r.Footprint.Nodes > 100 && r.Footprint.BytesPerNode > 0 && r.Footprint.RuntimeRssBytes > 0 && r.Footprint.LoadGc is not null));
        }

        // Whole processes: every tool, every operation, the warm-up first and not counted.
        var processes = results.Processes!;
        foreach (var tool in new[] { ("toolkit", (string?)"baseline"), ("toolkit", "chunked-hashing") })
        {
            foreach (var operation in ProcessOperations.All)
            {
                var record = Assert.Single(processes, p => p.Tool == tool.Item1 && p.Variant == tool.Item2 && p.Sources == 100 && p.LargeFiles == 0 && p.Operation == operation);
                Assert.Null(record.SkippedBecause);
                Assert.Equal([true, false, false], record.Runs.Select(r => r.Warmup));
                Assert.All(record.Runs, r => Assert.True(r.PeakRssBytes > 1_000_000 && r.WallSeconds > 0));
            }
        }

        foreach (var peer in new[] { "ninja", "samurai" })
        {
            var records = processes.Where(p => p.Tool == peer).ToArray();
            Assert.Equal(3, records.Length);
            var skipped = PeerTool.Find(peer)!.WhySkipped();
            Assert.All(records, r => Assert.Equal(skipped is null ? null : skipped, r.SkippedBecause));
        }

        // The order is balanced: at the size, the same tool does not open every round.
        var openers = processes.Where(p => p.Sources == 100 && p.LargeFiles == 0 && p.Operation == ProcessOperations.DryRun && p.SkippedBecause is null)
            .SelectMany(p => p.Runs.Select(r => (p.Tool, p.Variant, r.Repetition, r.Sequence)))
            .GroupBy(r => r.Repetition).Select(g => g.MinBy(r => r.Sequence)).Select(r => $"{r.Tool}/{r.Variant}").Distinct().ToArray();
        Assert.True(openers.Length > 1, "one tool opened every round: " + string.Join(", ", openers));

        foreach (var page in new[] { "README.md", "scaling.md", "memory.md", "reduce-memory.md", "recommendations/chunked-hashing.md", "exports/scale-report.csv" })
        {
            Assert.True(File.Exists(Path.Join(output, page)), page);
        }

        foreach (var chart in Directory.GetFiles(Path.Join(output, "charts"), "*.svg"))
        {
            XDocument.Load(chart);
        }

        // The pages come from the JSON alone: generating them again gives the same bytes.
        var again = Path.Join(_temp, "again");
        ReportGenerator.Write(results, again);
        Assert.Equal(File.ReadAllBytes(Path.Join(output, "README.md")), File.ReadAllBytes(Path.Join(again, "README.md")));
    }
}
