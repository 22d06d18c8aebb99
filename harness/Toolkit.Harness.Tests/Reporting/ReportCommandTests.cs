using Toolkit.Harness.Commands;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>The verb through the real command line (<see cref="Program.CreateRootCommand()"/> and <see cref="CommandRunner"/>).</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Report_writes_every_page_from_a_results_file()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "results");
        var exit = Invoke("report", "--from", ReportingFiles.FixtureJson, "--out", output);
        Assert.Equal(0, exit);
        foreach (var page in new[] { "README.md", "scaling.md", "memory.md", "reduce-memory.md", "recommendations/slots.md", "recommendations/optimized.md", "charts/peak-rss-full-build.svg", "charts/managed-heap.svg", "exports/scale-report.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, page)), page);
        }

        // The real toolkit quotes its own embedded source: the baseline excerpt is there.
        var slots = File.ReadAllText(Path.Combine(output, "recommendations", "slots.md"));
        Assert.Contains("public string AbsolutePath { get; }", slots, StringComparison.Ordinal);
        Assert.Contains("public List<TNode> Sources { get; } = [];", slots, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_of_an_earlier_report_that_this_one_does_not_write_are_removed_and_nothing_else()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "results");
        Directory.CreateDirectory(Path.Combine(output, "charts"));
        Directory.CreateDirectory(Path.Combine(output, "recommendations"));
        var staleChart = Path.Combine(output, "charts", "time-a-removed-operation.svg");
        var stalePage = Path.Combine(output, "recommendations", "a-removed-variant.md");
        var userFiles = new[] { Path.Combine(output, "charts", "notes.txt"), Path.Combine(output, "my-notes.md"), Path.Combine(output, "scale-old.json") };
        foreach (var file in userFiles.Append(staleChart).Append(stalePage))
        {
            File.WriteAllText(file, "left by an earlier run");
        }

        Assert.Equal(0, Invoke("report", "--from", ReportingFiles.FixtureJson, "--out", output));
        Assert.False(File.Exists(staleChart), staleChart);
        Assert.False(File.Exists(stalePage), stalePage);
        Assert.All(userFiles, file => Assert.True(File.Exists(file), file));
        Assert.True(File.Exists(Path.Combine(output, "charts", "managed-heap.svg")));
        Assert.True(File.Exists(Path.Combine(output, "recommendations", "slots.md")));
    }

    [Fact]
    public void A_schema_1_results_file_still_gives_every_page()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "results");
        Assert.Equal(0, Invoke("report", "--from", ReportingFiles.FixtureJsonVersion1, "--out", output));
        var readme = File.ReadAllText(Path.Combine(output, "README.md"));
        Assert.Contains("did not measure the engine as a whole process", readme, StringComparison.Ordinal);
        Assert.Contains("no warm-up run: schema 1", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "charts", "peak-rss-dry-run.svg")));
        Assert.False(File.Exists(Path.Combine(output, "charts", "peak-rss-null-build.svg")));
    }

    [Fact]
    public void Report_writes_beside_the_results_file_unless_told_otherwise()
    {
        using var dir = new TempDirectory();
        var copy = Path.Combine(dir.Path, "scale-c-libraries-1.json");
        File.Copy(ReportingFiles.FixtureJson, copy);
        Assert.Equal(0, Invoke("report", "--from", copy));
        Assert.True(File.Exists(Path.Combine(dir.Path, "README.md")));
    }

    [Fact]
    public void A_damaged_results_file_is_a_user_error()
    {
        using var dir = new TempDirectory();
        var bad = Path.Combine(dir.Path, "bad.json");
        File.WriteAllText(bad, "{\"schemaVersion\": 99}");
        Assert.Equal(ExitCodes.UserError, Invoke("report", "--from", bad, "--out", Path.Combine(dir.Path, "out")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        Assert.Equal(ExitCodes.UserError, Invoke("report", "--from", Path.Combine(dir.Path, "missing.json"), "--out", Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void From_is_required()
    {
        Assert.NotEqual(0, Invoke("report", "--out", "x"));
    }

    private static int Invoke(params string[] args) => CommandRunner.Invoke(Program.CreateRootCommand(), args, TextWriter.Null, TextWriter.Null);
}
