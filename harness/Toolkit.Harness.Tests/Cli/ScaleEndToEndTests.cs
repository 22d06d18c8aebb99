using System.Xml.Linq;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Cli;

/// <summary><c>toolkit scale</c> end to end through the real program, small: it measures and writes the pages.</summary>
public sealed class ScaleEndToEndTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-scale-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Scale_runs_every_variant_in_child_processes_and_writes_results_and_pages()
    {
        var output = Path.Join(_temp, "results");
        var (code, stdout, stderr) = ToolkitProcess.Run(
            _temp, "scale", "--sources", "200", "--repeat", "2", "--no-peers", "--out", output, "--projects", Path.Join(_temp, "projects"));

        Assert.True(code == 0, stderr + stdout);
        var resultsFile = Assert.Single(Directory.GetFiles(output, "scale-*.json"));
        var results = ResultsFile.Read(resultsFile);
        var variants = Optimizations.VariantFactory.Default.Names;
        Assert.Equal(variants.Count * 2, results.Runs.Count);
        foreach (var variant in variants)
        {
            Assert.Equal(2, results.Runs.Count(r => r.Variant == variant));
        }

        Assert.All(results.Runs, run => Assert.True(run.Footprint.Nodes > 200 && run.Footprint.BytesPerNode > 0, $"{run.Variant}: {run.Footprint.Nodes} nodes, {run.Footprint.BytesPerNode} bytes/node"));
        var project = Assert.Single(results.Projects);
        Assert.All(results.Runs, run => Assert.Equal(project.Nodes, run.Footprint.Nodes));

        Assert.True(File.Exists(Path.Join(output, "README.md")));
        Assert.True(File.Exists(Path.Join(output, "scaling.md")));
        Assert.True(File.Exists(Path.Join(output, "reduce-memory.md")));
        foreach (var variant in variants.Where(v => v != "baseline"))
        {
            Assert.True(File.Exists(Path.Join(output, "recommendations", variant + ".md")), variant);
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
