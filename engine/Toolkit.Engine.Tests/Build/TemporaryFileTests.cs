using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// issue 10, item 8: temporary files are named NAME.toolkit-tmp.PID.N, never left by a failed write,
/// and those a killed build left are removed by the next build and by clean (issue 9: clean reads the
/// manifest only).
/// </summary>
public sealed class TemporaryFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-temp-").FullName;

    [Fact]
    public void Temporary_names_say_what_and_who_and_are_unique()
    {
        var a = EngineFiles.TemporaryFor("lib/a.o");
        var b = EngineFiles.TemporaryFor("lib/a.o");
        Assert.NotEqual(a, b);
        Assert.StartsWith("lib/a.o.toolkit-tmp.", a, StringComparison.Ordinal);
        Assert.True(EngineFiles.IsTemporary(a));
        Assert.True(EngineFiles.IsReserved(a));
        Assert.Equal(Environment.ProcessId, EngineFiles.WriterOf(a));
        Assert.False(EngineFiles.IsTemporary("lib/a.o.tmp"));
    }

    [Fact]
    public void A_write_that_fails_leaves_no_temporary_file()
    {
        var fs = new DiskFileSystem(_root);
        Directory.CreateDirectory(Path.Join(_root, "out", "a.o")); // a directory where the file must go

        Assert.ThrowsAny<IOException>(() => fs.WriteAllBytes("out/a.o", "x"u8));

        Assert.Empty(Directory.EnumerateFiles(Path.Join(_root, "out")));
    }

    [Fact]
    public void A_write_in_parts_replaces_the_file_only_on_commit_and_leaves_nothing_when_abandoned()
    {
        var fs = new DiskFileSystem(_root);
        fs.WriteAllBytes("out/db", "old"u8);
        using (var abandoned = fs.BeginWrite("out/db"))
        {
            abandoned.Write("new, "u8);
            Assert.Equal("old", File.ReadAllText(Path.Join(_root, "out", "db"))); // not before the commit
        }

        Assert.Equal("old", File.ReadAllText(Path.Join(_root, "out", "db")));
        Assert.Equal(["db"], Directory.EnumerateFiles(Path.Join(_root, "out")).Select(Path.GetFileName));

        using (var write = fs.BeginWrite("out/db"))
        {
            write.Write("new, "u8);
            write.Write("in parts"u8);
            write.Commit();
        }

        Assert.Equal("new, in parts", File.ReadAllText(Path.Join(_root, "out", "db")));
        Assert.Equal(["db"], Directory.EnumerateFiles(Path.Join(_root, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void The_build_after_a_killed_one_and_clean_remove_what_it_left()
    {
        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), "toolkit-manifest 2\nbuild out/a.txt: Copy a.txt\nend\n");
        File.WriteAllText(Path.Join(_root, "a.txt"), "a");
        Directory.CreateDirectory(Path.Join(_root, "out"));
        string[] stale = ["out/a.txt.toolkit-tmp.999999.1", ".toolkit.sigdb.toolkit-tmp.999999.2"];
        foreach (var path in stale)
        {
            File.WriteAllText(Path.Join(_root, path), "half");
        }

        var living = "out/b.txt.toolkit-tmp.1.1"; // pid 1 runs: someone else's write in progress
        File.WriteAllText(Path.Join(_root, living), "busy");
        File.WriteAllText(Path.Join(_root, ProjectLock.FileName), "pid 999999 (toolkit build, since 2026-01-01 00:00:00 UTC)\n");

        var project = Project.Open(_root, EngineSettings.Baseline, new NullBuildReporter());
        Assert.True(project.Build(null, new BuildOptions { Jobs = 1 }, project.CreateExecutor()).Succeeded);

        Assert.All(stale, path => Assert.False(File.Exists(Path.Join(_root, path)), path));
        Assert.True(File.Exists(Path.Join(_root, living)));

        File.WriteAllText(Path.Join(_root, "out/a.txt.toolkit-tmp.999999.3"), "half");
        Assert.Equal(1, Project.Clean(_root));
        Assert.Equal([living], Directory.EnumerateFiles(Path.Join(_root, "out")).Select(f => Path.GetRelativePath(_root, f)));
        Assert.False(File.Exists(Path.Join(_root, Project.DatabaseFileName)));
    }

    [Fact]
    public void Clean_needs_no_scan_and_no_readable_source()
    {
        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.o: Object a.c\n  side-effects = a.map\nend\n");
        File.WriteAllText(Path.Join(_root, "a.o"), "old object");
        File.WriteAllText(Path.Join(_root, "a.map"), "old map");
        Posix.MakeFifo(Path.Join(_root, "a.c")); // a scan would have to read it

        Assert.Equal(2, Project.Clean(_root));
        Assert.False(File.Exists(Path.Join(_root, "a.o")));
        Assert.False(File.Exists(Path.Join(_root, "a.map")));
    }

    [Fact]
    public void A_running_build_s_lock_stops_clean()
    {
        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), "toolkit-manifest 2\nbuild a.txt: Copy b.txt\nend\n");
        using var held = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None);

        Assert.Contains("another build", Assert.Throws<ProjectException>(() => Project.Clean(_root)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
