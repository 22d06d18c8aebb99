namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// issue 10 through the real program: what a hostile or unlucky user does gets one line
/// 'toolkit: error: ...' naming what is wrong, exit code 1, no stack trace, nothing lost.
/// </summary>
public sealed class SafetyCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-safety-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("/dev/null", "character device")]
    [InlineData("/", "root of the file system")]
    [InlineData("FILE", "is a file, not a directory")]
    [InlineData("FOREIGN", "holds no generated.json")]
    public void Generate_refuses_an_output_it_must_not_touch_in_one_line(string output, string problem)
    {
        var file = Path.Join(_temp, "a-file");
        File.WriteAllText(file, "keep");
        var foreign = Directory.CreateDirectory(Path.Join(_temp, "foreign")).FullName;
        File.WriteAllText(Path.Join(foreign, "thesis.tex"), "keep");
        var target = output switch
        {
            "FILE" => file,
            "FOREIGN" => foreign,
            _ => output,
        };

        var (code, _, error) = ToolkitProcess.Run(_temp, "generate", "--sources", "10", "--out", target);

        Assert.Equal(1, code);
        OneErrorLine(error, problem);
        Assert.Equal("keep", File.ReadAllText(file));
        Assert.Equal("keep", File.ReadAllText(Path.Join(foreign, "thesis.tex")));
    }

    [Fact]
    public void A_truncated_manifest_is_refused_by_build_in_one_line()
    {
        var project = Directory.CreateDirectory(Path.Join(_temp, "p")).FullName;
        File.WriteAllText(Path.Join(project, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.txt: Copy b.txt\n");
        File.WriteAllText(Path.Join(project, "b.txt"), "b");

        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project);

        Assert.Equal(1, code);
        OneErrorLine(error, "toolkit.manifest:2: the manifest stops without its closing 'end' statement");
        Assert.False(File.Exists(Path.Join(project, "a.txt")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Nonsense_job_counts_are_refused_before_anything_is_read(string jobs)
    {
        var (code, _, error) = ToolkitProcess.Run(_temp, "build", Path.Join(_temp, "nowhere"), "-j", jobs);
        Assert.Equal(1, code);
        OneErrorLine(error, $"--jobs: {jobs} must be 1 or more");
    }

    [Fact]
    public void A_huge_job_count_is_capped_with_a_note()
    {
        var project = Directory.CreateDirectory(Path.Join(_temp, "j")).FullName;
        File.WriteAllText(Path.Join(project, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.txt: Copy b.txt\nend\n");
        File.WriteAllText(Path.Join(project, "b.txt"), "b");

        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project, "-j", "100000");

        Assert.Equal(0, code);
        Assert.Contains("toolkit: note: -j 100000 is capped at 256", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_build_names_the_process_holding_the_lock_and_exits_1()
    {
        var project = Directory.CreateDirectory(Path.Join(_temp, "locked")).FullName;
        File.WriteAllText(Path.Join(project, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.txt: Copy b.txt\nend\n");
        File.WriteAllText(Path.Join(project, "b.txt"), "b");
        using (Toolkit.Engine.Build.ProjectLock.Acquire(project, "toolkit build", wait: false, waiting: null, CancellationToken.None))
        {
            var (code, _, error) = ToolkitProcess.Run(_temp, "build", project);

            Assert.Equal(1, code);
            OneErrorLine(error, $"another build of '{project}' is running: process {System.Environment.ProcessId} (toolkit build");
            Assert.False(File.Exists(Path.Join(project, "a.txt")));
        }

        Assert.Equal(0, ToolkitProcess.Run(_temp, "build", project).ExitCode);
    }

    [Fact]
    public async Task Two_builds_started_together_with_wait_do_the_work_once()
    {
        var project = Path.Join(_temp, "twice");
        var generated = Toolkit.SyntheticProjects.Generation.ProjectGenerator.Generate(new(Toolkit.SyntheticProjects.Generation.ProjectShape.CLibraries, 40, 1, project));
        using var first = System.Diagnostics.Process.Start(ToolkitProcess.StartInfo(_temp, "build", project, "--wait", "-s"))!;
        using var second = System.Diagnostics.Process.Start(ToolkitProcess.StartInfo(_temp, "build", project, "--wait", "-s"))!;
        var outputs = await Task.WhenAll(first.StandardOutput.ReadToEndAsync(), second.StandardOutput.ReadToEndAsync());
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var ran = outputs.Select(o => int.Parse(System.Text.RegularExpressions.Regex.Match(o, "ran (\\d+) actions").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(generated.DerivedFiles, ran.Sum());
        Assert.Contains(0, ran);
    }

    [Theory]
    [InlineData("--heap-snapshot", "DIR", "is a directory; give the file to write")]
    [InlineData("--stats", "DIR", "is a directory; give the file to write")]
    [InlineData("--core-dump", "/dev/null", "is a character device")]
    [InlineData("--heap-snapshot", "DIR/missing/heap.tkheap", "does not exist")]
    public void An_unwritable_introspection_file_is_refused_before_the_build(string option, string path, string problem)
    {
        var project = Directory.CreateDirectory(Path.Join(_temp, "intro")).FullName;
        File.WriteAllText(Path.Join(project, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.txt: Copy b.txt\nend\n");
        File.WriteAllText(Path.Join(project, "b.txt"), "b");

        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project, option, path.Replace("DIR", _temp, StringComparison.Ordinal));

        Assert.Equal(1, code);
        OneErrorLine(error, option);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(project, "a.txt")));
    }

    [Fact]
    public void A_full_disk_during_a_build_is_one_line_per_failure()
    {
        var mount = Path.Join(_temp, "small");
        Directory.CreateDirectory(mount);
        if (!TryMountTmpfs(mount, "128k"))
        {
            return; // mounting a small tmpfs needs root; the in-memory fake of IoErrorTests covers the engine
        }

        try
        {
            File.WriteAllText(Path.Join(mount, "toolkit.manifest"), "toolkit-manifest 2\nbuild c1.bin: Copy big.bin\nbuild c2.bin: Copy big.bin\nbuild c3.bin: Copy big.bin\nend\n");
            File.WriteAllBytes(Path.Join(mount, "big.bin"), new byte[40_000]);

            var (code, _, error) = ToolkitProcess.Run(_temp, "build", mount, "-j", "1", "-k");

            Assert.NotEqual(0, code);
            Assert.Contains("No space left on device", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("toolkit: ", line, StringComparison.Ordinal));
            Assert.DoesNotContain(Directory.EnumerateFiles(mount), f => f.Contains(".toolkit-tmp.", StringComparison.Ordinal));
        }
        finally
        {
            using var umount = System.Diagnostics.Process.Start("umount", [mount]);
            umount.WaitForExit();
        }
    }

    private static bool TryMountTmpfs(string path, string size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            using var mount = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=" + size, "tmpfs", path]) { RedirectStandardError = true });
            mount!.WaitForExit();
            return mount.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    internal static void OneErrorLine(string error, string problem)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{error}");
        Assert.StartsWith("toolkit: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(problem, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
