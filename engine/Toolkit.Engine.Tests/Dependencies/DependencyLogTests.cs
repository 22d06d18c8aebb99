using Toolkit.Engine.Build;
using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Tests.Build;
using Toolkit.Engine.Tests.Scanning;

namespace Toolkit.Engine.Tests.Dependencies;

/// <summary>
/// The dependency log as a build uses it: an open after a build reads only files whose stamp changed, a
/// changed header changes exactly its dependents' implicit edges, a damaged or truncated log is one warning
/// and a full scan with the same graph, the log is rewritten only when it changed and holds no dead records.
/// Files read are counted through <see cref="CountingFileSystem"/> over the project's memory file system.
/// </summary>
public sealed class DependencyLogTests
{
    /// <summary>Every file the scanner of SmallProject reads on a full scan: the sources and the headers they reach.</summary>
    private static readonly string[] ScannedFiles =
        ["bin/main.c", "lib_a/a.h", "lib_a/a1.c", "lib_a/a2.c", "lib_a/a2.h", "lib_b/b1.c", "shared/common.h"];

    [Fact]
    public void A_null_build_after_touching_one_header_reads_only_that_header()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Files.Touch("shared/common.h");

        var (opened, counting) = OpenCounting(project);

        Assert.Equal(["shared/common.h"], ScannerReads(counting));
        Assert.Equal(CheckedFileStatus.Ok, opened.DependencyLogStatus);
        Assert.Equal(1, opened.FilesParsed);
        Assert.Equal(ScannedFiles.Length - 1, opened.FilesFromDependencyLog);
        Assert.Equal(0, opened.Build(null, new BuildOptions { Jobs = 1 }, new Toolkit.Engine.Actions.BuiltinToolExecutor()).Executed);
    }

    [Fact]
    public void Without_the_log_an_open_reads_every_scanned_file()
    {
        var project = SmallProject.Create();
        project.Build();

        var (opened, counting) = OpenCounting(project, EngineSettings.Baseline.WithDependencyLog(false));

        Assert.Equal(ScannedFiles, ScannerReads(counting));
        Assert.Null(opened.DependencyLogStatus);
    }

    [Fact]
    public void A_changed_header_updates_exactly_its_dependents_edges()
    {
        var project = SmallProject.Create();
        project.Build();
        var before = ImplicitEdges(project.Open());
        project.Files.WriteText("lib_a/a2.h", "#include <common.h>\nint a2(void);\n");

        var (opened, counting) = OpenCounting(project);
        var after = ImplicitEdges(opened);

        Assert.Equal(["lib_a/a2.h"], ScannerReads(counting));
        var changed = before.Keys.Where(node => !before[node].SequenceEqual(after[node])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["lib_a/a2.o"], changed);
        Assert.Equal(["lib_a/a2.h", "shared/common.h"], after["lib_a/a2.o"]);
        Assert.Equal(ImplicitEdges(OpenWithoutLog(project)), after);
    }

    [Theory]
    [InlineData("byte flip")]
    [InlineData("truncated")]
    [InlineData("no checksum")]
    public void A_damaged_log_is_one_warning_and_a_full_scan_with_the_same_graph(string damage)
    {
        var project = SmallProject.Create();
        project.Build();
        var log = project.Files.ReadAllBytes(DependencyLog.FileName);
        project.Files.WriteAllBytes(DependencyLog.FileName, damage switch
        {
            "byte flip" => [.. log[..(log.Length / 2)], (byte)(log[log.Length / 2] ^ 0x40), .. log[(log.Length / 2 + 1)..]],
            "truncated" => log[..(log.Length - 7)],
            _ => log[..^CheckedFile.ChecksumSize],
        });

        var (opened, counting) = OpenCounting(project);

        Assert.Equal(CheckedFileStatus.Damaged, opened.DependencyLogStatus);
        var warning = Assert.Single(LastReporter!.Warnings);
        Assert.StartsWith("dependency log '.toolkit.deps' is damaged (", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
        Assert.Equal(ScannedFiles, ScannerReads(counting));
        Assert.Equal(ImplicitEdges(OpenWithoutLog(project)), ImplicitEdges(opened));

        // The next build writes a whole log again.
        opened.Build(null, new BuildOptions { Jobs = 1 }, new Toolkit.Engine.Actions.BuiltinToolExecutor());
        Assert.Equal(CheckedFileStatus.Ok, project.Open().DependencyLogStatus);
    }

    [Fact]
    public void A_null_build_does_not_rewrite_the_log_and_a_dry_run_never_writes_it()
    {
        var project = SmallProject.Create();
        project.Build(dryRun: true);
        Assert.False(project.Files.Stat(DependencyLog.FileName).Exists);

        project.Build();
        var written = project.Files.Stat(DependencyLog.FileName);
        Assert.True(written.Exists);
        project.Build();
        Assert.Equal(written, project.Files.Stat(DependencyLog.FileName));

        project.Files.Touch("lib_a/a1.c");
        project.Build(dryRun: true);
        Assert.Equal(written, project.Files.Stat(DependencyLog.FileName));
        project.Build();
        Assert.NotEqual(written, project.Files.Stat(DependencyLog.FileName));
    }

    [Fact]
    public void A_dry_run_of_a_project_opened_to_save_drops_the_log_it_encoded()
    {
        var project = SmallProject.Create();
        var opened = project.Open(readOnly: false);
        opened.Build(null, new BuildOptions { Jobs = 1, DryRun = true }, new Toolkit.Engine.Actions.BuiltinToolExecutor());
        Assert.False(project.Files.Stat(DependencyLog.FileName).Exists);
    }

    [Fact]
    public void A_read_only_open_consults_the_log_and_a_build_of_it_writes_none()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Files.Touch("shared/common.h");
        var written = project.Files.Stat(DependencyLog.FileName);

        var counting = new CountingFileSystem(project.Files);
        var opened = Open(project, counting, project.Settings.WithReadOnly(true));
        Assert.Equal(["shared/common.h"], ScannerReads(counting));
        opened.Build(null, new BuildOptions { Jobs = 1 }, new Toolkit.Engine.Actions.BuiltinToolExecutor());
        Assert.Equal(written, project.Files.Stat(DependencyLog.FileName));
    }

    [Fact]
    public void Files_the_scan_no_longer_reaches_are_dropped_from_the_log()
    {
        var project = SmallProject.Create();
        project.Build();
        Assert.Equal(ScannedFiles.Length, Logged(project).Count);
        project.Manifest = project.Manifest.Replace("build lib_a/a2.o: Object lib_a/a2.c\n", string.Empty, StringComparison.Ordinal)
            .Replace("Library lib_a/a1.o lib_a/a2.o", "Library lib_a/a1.o", StringComparison.Ordinal);

        project.Build();

        Assert.Equal(ScannedFiles.Length - 2, Logged(project).Count); // a2.c and a2.h: no dead records
        Assert.False(Logged(project).TryGet("lib_a/a2.c", project.Files.Stat("lib_a/a2.c"), out _));
    }

    [Fact]
    public void A_header_that_appears_earlier_on_the_search_path_is_found_as_a_fresh_scan_finds_it()
    {
        var project = new TestProject("toolkit-manifest 2\nCPPPATH = first second\nbuild main.o: Object main.c\ndefault main.o\nend\n");
        project.Files.WriteText("main.c", "#include <x.h>\n#include \"config.h\"\n");
        project.Files.WriteText("second/x.h", "int x;\n");
        project.Build();
        project.Files.WriteText("first/x.h", "int x;\n");
        project.Files.WriteText("config.h", "int c;\n");

        var (opened, counting) = OpenCounting(project);

        Assert.Equal(["config.h", "first/x.h"], ScannerReads(counting));
        Assert.Equal(["first/x.h", "config.h"], ImplicitEdges(opened)["main.o"]);
    }

    [Fact]
    public void Clean_removes_the_log()
    {
        var project = SmallProject.Create();
        project.Build();
        Assert.True(project.Files.Stat(DependencyLog.FileName).Exists);

        project.Open().Clean();

        Assert.False(project.Files.Stat(DependencyLog.FileName).Exists);
    }

    [Fact]
    public void The_exact_scan_mode_leaves_the_log_alone()
    {
        var project = new TestProject(SmallProject.Manifest, EngineSettings.Baseline.WithScanMode(Toolkit.Engine.Scanning.ScanMode.Exact));
        project.Files.WriteText("bin/main.c", "int main(void) { return 0; }\n");
        Assert.Null(Open(project, project.Files, project.Settings).DependencyLogStatus);
    }

    private NullBuildReporter? LastReporter { get; set; }

    private (Project Project, CountingFileSystem Counting) OpenCounting(TestProject project, EngineSettings? settings = null)
    {
        var counting = new CountingFileSystem(project.Files);
        return (Open(project, counting, settings ?? project.Settings), counting);
    }

    private Project OpenWithoutLog(TestProject project) => Open(project, project.Files, project.Settings.WithDependencyLog(false));

    private Project Open(TestProject project, IFileSystem fileSystem, EngineSettings settings)
    {
        LastReporter = new NullBuildReporter();
        return Project.Open(new StringReader(project.Manifest), "test.manifest", fileSystem, "/project", settings, LastReporter);
    }

    /// <summary>The files read through the counter other than the engine's own (database, log).</summary>
    private static List<string> ScannerReads(CountingFileSystem counting) =>
        [.. counting.Reads.Keys.Where(path => !EngineFiles.IsReserved(path)).Order(StringComparer.Ordinal)];

    private static Dictionary<string, List<string>> ImplicitEdges(Project project)
    {
        var store = project.Graph.Store;
        return Enumerable.Range(0, store.Count).ToDictionary(store.GetPath, node => project.Graph.GetEdges(node, EdgeKind.Implicit).Select(store.GetPath).ToList(), StringComparer.Ordinal);
    }

    private static DependencyLog Logged(TestProject project)
    {
        var loaded = DependencyLog.Load(project.Files, DependencyLog.FileName);
        Assert.Equal(CheckedFileStatus.Ok, loaded.Status);
        return loaded.Log;
    }
}
