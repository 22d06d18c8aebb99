using System.Xml.Linq;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;
using Xunit.Abstractions;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// <c>toolkit scale --project DIR</c> end to end through the real program, on a build.ninja written here
/// and imported with <c>toolkit import-ninja</c>: the variants measured on a private copy (the tree left as
/// it was), the peers present measured read-only on the build directory (its dry run before it is built,
/// its null build after), the results file naming the project, the pages coping with one point; and the
/// user's errors, one line and exit 1.
/// </summary>
public sealed class ScaleProjectTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Two sources compiled and linked by commands any machine has (cp and cat), so ninja can build the tree for real.</summary>
    private const string BuildNinja = """
        rule cc
          command = cp $in $out
        rule link
          command = cat $in > $out
        build a.o: cc a.c
        build b.o: cc b.c
        build app: link a.o b.o
        default app

        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-scale-project-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Scale_project_measures_the_variants_on_a_copy_and_the_peers_read_only_and_writes_pages_for_one_point()
    {
        if (ProcessMeasurer.WhyNotMeasurable() is { } why)
        {
            log.WriteLine("skipped: " + why);
            return;
        }

        var (tree, imported) = ImportedTree();
        var before = Listing(tree);
        var output = Path.Join(_temp, "results");
        var results = Scale(imported, output, "ninja,samurai,make", "--variants", "slots");

        var project = Assert.IsType<ImportedProjectRecord>(results.Project);
        Assert.Equal(("import-ninja", Path.Join(tree, "build.ninja"), tree), (project.Importer, project.Input, project.PeerDirectory));
        Assert.Equal((2, 3, 3), (project.Sources, project.Statements, project.Outputs));
        Assert.Null(results.Options.Shape);
        Assert.Null(results.Options.Seed);
        var point = Assert.Single(results.Projects);
        Assert.Equal((2, project.Nodes, project.Edges), (point.Sources, point.Nodes, point.Edges));
        foreach (var variant in new[] { "baseline", "slots" })
        {
            var run = Assert.Single(results.Runs, r => r.Variant == variant);
            Assert.True(run.Footprint.Nodes == project.Nodes && run.Footprint.BytesPerNode > 0, variant);
            Assert.All(ProcessOperations.All, op => Assert.Null(Assert.Single(results.Processes!, p => p.Variant == variant && p.Operation == op).SkippedBecause));
        }

        // Not built yet: each peer present measures its dry run only; make has no Makefile there.
        AssertPeers(results, ["ninja", "samurai"], ProcessOperations.DryRun, "not up to date");
        Assert.All(results.Processes!.Where(p => p.Tool == "make"), p => Assert.Contains("no Makefile in " + tree, p.SkippedBecause));
        Assert.Equal(before, Listing(tree));

        // The pages cope with one point: no growth slope, the project named, what the peers did listed, charts that parse.
        Assert.Contains("measured at its one size", File.ReadAllText(Path.Join(output, "README.md")));
        var scaling = File.ReadAllText(Path.Join(output, "scaling.md"));
        Assert.Contains("One project, one size", scaling);
        Assert.DoesNotContain("growth needs two", scaling);
        Assert.Contains("## Peers on the imported project", scaling);
        Assert.Contains("| make | dry-run | not measured: no Makefile in", scaling);
        Assert.All(Directory.GetFiles(Path.Join(output, "charts"), "*.svg"), chart => Assert.DoesNotContain("NaN", XDocument.Load(chart).ToString()));
        var again = Path.Join(_temp, "again");
        ReportGenerator.Write(results, again);
        Assert.Equal(File.ReadAllBytes(Path.Join(output, "scaling.md")), File.ReadAllBytes(Path.Join(again, "scaling.md")));

        // Built by ninja itself: now the null build is measured and the dry run is not.
        if (ProcessMeasurer.FindOnPath("ninja") is { } ninja)
        {
            Assert.Equal(0, RunIn(tree, ninja));
            var built = Listing(tree);
            var state = StateBytes(tree);
            // samurai (when present) runs on the same directory first and last: 1.9 rewrites ninja 1.11's .ninja_log as
            // its own version even on a dry run, and ninja then rebuilt the whole tree, a full build recorded as a
            // null build. The state files are put back after every peer's run, so ninja's null build stays one.
            var second = Scale(imported, Path.Join(_temp, "results2"), "samurai,ninja", "--variants", "baseline", "--repeat", "2");
            AssertPeers(second, ["ninja"], ProcessOperations.NullBuild, ", up to date", runs: 2);
            Assert.Equal(built, Listing(tree));
            Assert.Equal(state, StateBytes(tree));
        }
    }

    [Fact]
    public void Scale_project_refuses_a_folder_without_a_manifest_a_damaged_manifest_and_sources_in_one_line_exit_1()
    {
        var empty = Directory.CreateDirectory(Path.Join(_temp, "empty")).FullName;
        var damaged = Directory.CreateDirectory(Path.Join(_temp, "damaged")).FullName;
        File.WriteAllText(Path.Join(damaged, "toolkit.manifest"), "toolkit-manifest 2\nbuild out.o: Object in.c\n");
        var (_, imported) = ImportedTree();
        var cases = new (string[] Arguments, string Expected)[]
        {
            (["--project", empty], "no toolkit.manifest in it"),
            (["--project", Path.Join(_temp, "missing")], "no such directory"),
            (["--project", damaged], Path.Join(damaged, "toolkit.manifest") + ":"),
            (["--project", imported, "--sources", "1k"], "--sources is for generated projects"),
            (["--project", imported, "--engine-tools", "stand-ins"], "--engine-tools stand-ins"),
        };
        foreach (var (arguments, expected) in cases)
        {
            var output = Path.Join(_temp, "out-" + Guid.NewGuid().ToString("N"));
            var (code, stdout, stderr) = ToolkitProcess.Run(_temp, ["scale", .. arguments, "--out", output, "--projects", Path.Join(_temp, "projects")]);
            Assert.True(code == 1, $"{string.Join(' ', arguments)}: exit {code}: {stderr}{stdout}");
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("toolkit: error: ", line);
            Assert.Contains(expected, line);
            Assert.False(Directory.Exists(output), $"{string.Join(' ', arguments)} left {output}");
        }
    }

    private static void AssertPeers(ScaleResults results, string[] peers, string measured, string state, int runs = 1)
    {
        foreach (var peer in peers)
        {
            var records = results.Processes!.Where(p => p.Tool == peer).ToArray();
            if (PeerTool.Find(peer)!.WhySkipped() is { } absent)
            {
                Assert.All(records, r => Assert.Equal(absent, r.SkippedBecause));
                continue;
            }

            Assert.Equal(3, records.Length);
            var run = Assert.Single(records, r => r.SkippedBecause is null);
            Assert.Equal(measured, run.Operation);
            Assert.Contains(state, run.Command);
            Assert.True(run.Runs.Count == runs && run.Runs.All(r => r.PeakRssBytes > 0), peer);
            Assert.Contains("never done on an imported project", Assert.Single(records, r => r.Operation == ProcessOperations.FullBuild).SkippedBecause);
        }
    }

    private ScaleResults Scale(string project, string output, string peers, params string[] more)
    {
        var (code, stdout, stderr) = ToolkitProcess.Run(_temp, ["scale", "--project", project, .. (more.Contains("--repeat") ? [] : (string[])["--repeat", "1"]), "--warmup", "0", "--peers", peers, .. more, "--out", output, "--projects", Path.Join(_temp, "projects")]);
        Assert.True(code == 0, stderr + stdout);
        log.WriteLine(stdout);
        return ResultsFile.Read(Assert.Single(Directory.GetFiles(output, "scale-imported-*.json")));
    }

    private (string Tree, string Imported) ImportedTree()
    {
        var tree = Path.Join(_temp, "tree");
        var imported = Path.Join(_temp, "imported");
        if (!Directory.Exists(imported))
        {
            Directory.CreateDirectory(tree);
            File.WriteAllText(Path.Join(tree, "build.ninja"), BuildNinja);
            File.WriteAllText(Path.Join(tree, "a.c"), "int a;\n");
            File.WriteAllText(Path.Join(tree, "b.c"), "int b;\n");
            var (code, stdout, stderr) = ToolkitProcess.Run(_temp, "import-ninja", Path.Join(tree, "build.ninja"), "-o", imported);
            Assert.True(code == 0, stderr + stdout);
        }

        return (tree, imported);
    }

    private static string[] Listing(string directory, bool withNinjaState = true) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Where(f => withNinjaState || !Path.GetFileName(f).StartsWith(".ninja_", StringComparison.Ordinal)).Select(f => $"{Path.GetRelativePath(directory, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}").Order(StringComparer.Ordinal).ToArray();

    private static string[] StateBytes(string directory) =>
        BuildTree.PeerStateFiles.Select(f => Path.Join(directory, f)).Where(File.Exists).Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}").ToArray();

    private static int RunIn(string directory, string program)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
