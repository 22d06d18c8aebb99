using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>
/// Issue 10 item 16 on a real disk: a symbolic link loop and a dangling link, as a header or as a
/// source, give one line naming the file and the rest of the batch is scanned; sources may be absolute
/// or above the working folder, as gcc accepts them.
/// </summary>
public sealed class HostileScanInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-hostile-scan-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string path, string text)
    {
        var full = Path.Join(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    private void Link(string path, string target) => File.CreateSymbolicLink(Path.Join(_root, path), target);

    [Fact]
    public void Link_loops_and_dangling_links_are_one_line_each_and_the_batch_goes_on()
    {
        Write("work/a.c", "#include \"loop1.h\"\n#include \"dangling.h\"\n#include \"ok.h\"\n");
        Write("work/ok.h", string.Empty);
        Write("work/b.c", "#include \"ok.h\"\n");
        Link("work/loop1.h", "loop2.h");
        Link("work/loop2.h", "loop1.h");
        Link("work/dangling.h", "nowhere.h");
        Link("work/l1.c", "l2.c");
        Link("work/l2.c", "l1.c");
        Link("work/gone.c", "nowhere.c");
        foreach (var mode in new[] { ScanMode.Conservative, ScanMode.Exact })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var probe = new FixedCompilerProbe(string.Empty, []);
            var code = ScanReport.Write(output, error, new DiskFileSystem(Path.Join(_root, "work")), CompilerFlags.None, ["a.c", "l1.c", "gone.c", "b.c"], mode, probe);
            Assert.Equal(ScanReport.InputError, code);
            Assert.Equal("a.o: a.c loop1.h dangling.h ok.h\nb.o: b.c ok.h\n", output.ToString());
            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.Single(lines, line => line.StartsWith("toolkit: warning: cannot read 'loop1.h'", StringComparison.Ordinal));
            Assert.Single(lines, line => line.StartsWith("toolkit: warning: cannot read 'dangling.h'", StringComparison.Ordinal));
            Assert.Single(lines, line => line.StartsWith("toolkit: error: cannot read 'l1.c'", StringComparison.Ordinal));
            Assert.Single(lines, line => line.StartsWith("toolkit: error: cannot read 'gone.c'", StringComparison.Ordinal) || line.Contains("gone.c: no such file", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Absolute_sources_and_sources_above_the_working_folder_are_scanned()
    {
        Write("lib/x.c", "#include \"x.h\"\n#include <dep.h>\n");
        Write("lib/x.h", string.Empty);
        Write("deps/dep.h", string.Empty);
        Directory.CreateDirectory(Path.Join(_root, "work"));
        var output = new StringWriter();
        var error = new StringWriter();
        var absolute = Path.Join(_root, "lib/x.c");
        var code = ScanReport.Write(output, error, new DiskFileSystem(Path.Join(_root, "work")), CompilerFlags.FromIncludeDirs(["../deps"]), ["../lib/x.c", absolute], ScanMode.Conservative, null);
        Assert.Equal(ScanReport.Success, code);
        var outside = Path.Join(_root, "lib/x.h") + " " + Path.Join(_root, "deps/dep.h");
        Assert.Equal($"x.o: ../lib/x.c {outside}\nx.o: {absolute} {outside}\n", output.ToString().Replace(" \\\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void A_build_whose_headers_loop_or_dangle_opens_with_one_warning_each_and_scans_every_object()
    {
        Write("proj/toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\nbuild b.o: Object b.c\nend\n");
        Write("proj/a.c", "#include \"loop1.h\"\n#include \"dangling.h\"\n");
        Write("proj/b.c", "#include \"ok.h\"\n");
        Write("proj/ok.h", string.Empty);
        Link("proj/loop1.h", "loop2.h");
        Link("proj/loop2.h", "loop1.h");
        Link("proj/dangling.h", "nowhere.h");
        var reporter = new NullBuildReporter();
        var project = Project.Open(Path.Join(_root, "proj"), EngineSettings.Baseline, reporter);
        Assert.Equal(2, reporter.Warnings.Count);
        Assert.Contains(reporter.Warnings, warning => warning.Contains("'loop1.h'", StringComparison.Ordinal));
        Assert.Contains(reporter.Warnings, warning => warning.Contains("'dangling.h'", StringComparison.Ordinal));
        var store = project.Graph.Store;
        Assert.Equal(["ok.h"], project.Graph.GetEdges(store.FindNode("b.o"), Graph.EdgeKind.Implicit).Select(store.GetPath));
    }
}
