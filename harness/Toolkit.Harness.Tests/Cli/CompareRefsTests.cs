using System.Text.Json;
using Toolkit.Harness.Measuring;
using Xunit.Abstractions;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// <c>toolkit compare --refs</c> end to end on a throwaway git repository whose "engine" is a shell script
/// with two branches: main does nothing, big also reads 64 MiB into memory (dd with a 64 MiB block). The
/// comparison builds each ref in a worktree, measures both as whole processes, interleaved, and must find
/// the peak-RSS regression (a memory figure, so the verdict cannot depend on the machine's speed), exit 3,
/// and leave the repository with no worktree and a clean status.
/// </summary>
public sealed class CompareRefsTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-refs-test-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Refs_are_built_in_worktrees_measured_interleaved_and_compared()
    {
        var missing = ProcessMeasurer.WhyNotMeasurable() ?? (ProcessMeasurer.FindOnPath("git") is null || ProcessMeasurer.FindOnPath("dd") is null ? "git or dd is not on PATH" : null);
        if (missing is not null)
        {
            log.WriteLine("skipped: needs GNU time, git and dd: " + missing);
            return;
        }

        var repository = Path.Join(_temp, "engine-repo");
        Directory.CreateDirectory(repository);
        ExternalProgram.Run(repository, "git", "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Join(repository, "engine.sh"), "#!/bin/sh\n# A tiny engine: DIR --variant NAME -j N [-n]\nexit 0\n");
        ExternalProgram.Run(repository, "git", "add", "engine.sh");
        ExternalProgram.Run(repository, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "engine");
        ExternalProgram.Run(repository, "git", "checkout", "--quiet", "-b", "big");
        File.WriteAllText(Path.Join(repository, "engine.sh"), "#!/bin/sh\n# The same engine, holding 64 MiB at once\ndd if=/dev/zero of=/dev/null bs=64M count=1 2>/dev/null\n");
        ExternalProgram.Run(repository, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-am", "a bigger engine");
        ExternalProgram.Run(repository, "git", "checkout", "--quiet", "main");

        var report = Path.Join(_temp, "report.json");
        var (code, stdout, stderr) = ToolkitProcess.Run(
            _temp, "compare", "--refs", "main,big", "--repository", repository, "--build", "chmod +x engine.sh", "--engine", "./engine.sh",
            "--sources", "10", "--repeat", "4", "--warmup", "1", "--projects", Path.Join(_temp, "projects"),
            "--fail-on-regression", "50", "--format", "json", "--out", report);
        Assert.True(code == ExitCodes.Regression, $"exit {code}\n{stderr}\n{stdout}");

        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.StartsWith("main (", json.GetProperty("a").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("big (", json.GetProperty("b").GetString(), StringComparison.Ordinal);
        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(6, rows.Length);
        foreach (var operation in new[] { "dryRun", "fullBuild", "nullBuild" })
        {
            var row = rows.Single(r => r.GetProperty("metric").GetString() == operation + "PeakRssBytes");
            Assert.Equal(4, row.GetProperty("countA").GetInt32());
            Assert.Equal("worse", row.GetProperty("verdict").GetString());
            Assert.True(row.GetProperty("ratioLower").GetDouble() > 1.5, row.ToString());
        }

        Assert.Contains("toolkit: regression: dryRunPeakRssBytes", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ExternalProgram.Run(repository, "git", "status", "--porcelain"));
        Assert.Single(ExternalProgram.Run(repository, "git", "worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_unknown_ref_is_one_line_and_exit_1()
    {
        if (ProcessMeasurer.FindOnPath("git") is null)
        {
            log.WriteLine("skipped: git is not on PATH");
            return;
        }

        var repository = Path.Join(_temp, "empty-repo");
        Directory.CreateDirectory(repository);
        ExternalProgram.Run(repository, "git", "init", "--quiet");
        var (code, _, stderr) = ToolkitProcess.Run(_temp, "compare", "--refs", "nope,also-nope", "--repository", repository);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.StartsWith("toolkit: error: --refs: 'nope' is not a commit in ", stderr, StringComparison.Ordinal);
    }
}
