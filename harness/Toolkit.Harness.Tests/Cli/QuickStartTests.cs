using System.Runtime.CompilerServices;
using Toolkit.Harness.Scaling;
using Xunit.Abstractions;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// The README's first command, run in a fresh clone of this repository, writes its results into a new
/// git-ignored folder and says where, leaving <c>git status</c> clean: the committed reference run in
/// results/ changes only through <c>toolkit scale --reference</c>. The command's own defaults decide where
/// the output goes; the test only adds options that make the run small (and its program is this test
/// run's toolkit, not a second <c>dotnet run</c> build of the clone).
/// </summary>
public sealed class QuickStartTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-quick-start-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_readme_s_first_command_in_a_fresh_clone_leaves_git_status_clean()
    {
        var root = RepositoryRoot();
        if (Harness.Measuring.ProcessMeasurer.FindOnPath("git") is null || (!Directory.Exists(Path.Join(root, ".git")) && !File.Exists(Path.Join(root, ".git"))))
        {
            log.WriteLine("skipped: needs git and a git checkout");
            return;
        }

        var first = FirstCommand(File.ReadAllText(Path.Join(root, "README.md")));
        Assert.StartsWith("dotnet run -c Release --project harness/Toolkit.Harness -- ", first, StringComparison.Ordinal);
        var arguments = first[(first.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scale", arguments[0]);

        var clone = Path.Join(_temp, "clone");
        ExternalProgram.Run(_temp, "git", "clone", "--quiet", "--no-hardlinks", root, clone);
        Assert.Equal(string.Empty, ExternalProgram.Run(clone, "git", "status", "--porcelain"));

        var (code, stdout, stderr) = ToolkitProcess.Run(clone, [.. arguments, "--sources", "10", "--variants", "baseline", "--no-peers", "--repeat", "1", "--warmup", "0", "--large-files", "0", "--projects", Path.Join(_temp, "projects")]);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains($"toolkit: measuring into {Path.Join(clone, ReferenceRun.LocalDirectory)}/", stdout, StringComparison.Ordinal);
        var written = Assert.Single(Directory.GetDirectories(Path.Join(clone, ReferenceRun.LocalDirectory)));
        Assert.True(File.Exists(Path.Join(written, "README.md")));
        Assert.Equal(string.Empty, ExternalProgram.Run(clone, "git", "status", "--porcelain", "--ignored=no"));
    }

    [Fact]
    public void Only_scale_reference_run_from_the_root_rewrites_the_committed_results()
    {
        var root = RepositoryRoot();
        if (Harness.Measuring.ProcessMeasurer.FindOnPath("git") is null || (!Directory.Exists(Path.Join(root, ".git")) && !File.Exists(Path.Join(root, ".git"))))
        {
            log.WriteLine("skipped: needs git and a git checkout");
            return;
        }

        var clone = Path.Join(_temp, "clone");
        ExternalProgram.Run(_temp, "git", "clone", "--quiet", "--no-hardlinks", root, clone);
        string[] small = ["--sources", "10", "--variants", "baseline", "--no-peers", "--repeat", "1", "--warmup", "0", "--large-files", "0", "--projects", Path.Join(_temp, "projects")];

        var (elsewhere, _, error) = ToolkitProcess.Run(Path.Join(clone, "docs"), ["scale", "--reference", .. small]);
        Assert.Equal(ExitCodes.UserError, elsewhere);
        Assert.Contains("--reference rewrites the committed reference run in results/", error, StringComparison.Ordinal);

        var (code, stdout, stderr) = ToolkitProcess.Run(clone, ["scale", "--reference", .. small]);
        Assert.True(code == 0, stderr + stdout);
        var json = Assert.Single(Directory.GetFiles(Path.Join(clone, ReferenceRun.Directory), "scale-*.json"));
        Assert.Contains(Path.GetFileName(json), ExternalProgram.Run(clone, "git", "status", "--porcelain"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(clone, ReferenceRun.LocalDirectory)));
    }

    private static string FirstCommand(string readme)
    {
        var start = readme.IndexOf("```sh\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no ```sh block");
        return readme[(start + 6)..].Split('\n')[0].Trim();
    }

    private static string RepositoryRoot([CallerFilePath] string here = "")
    {
        for (var directory = Path.GetDirectoryName(here); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Join(directory, ReferenceRun.RootMarker)))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"no {ReferenceRun.RootMarker} above {here}");
    }
}
