using Toolkit.Engine.Build;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>
/// issue 10, item 5 and issue 9 ("load once"): the root comes through the one reader; a variable
/// named root is a variable; a second root, or a root after the graph has nodes, is refused.
/// </summary>
public sealed class RootStatementTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-root-").FullName;

    [Fact]
    public void A_variable_named_root_is_a_variable_and_does_not_move_the_root()
    {
        var graph = ManifestText.Load("toolkit-manifest 2\nroot = somewhere\nbuild a.o: Object a.c\nend\n");
        Assert.Equal("/p", graph.RootDirectory);
        Assert.True(graph.Environments.Global.TryGetValue("root", out var value));
        Assert.Equal("somewhere", value);
    }

    [Fact]
    public void The_root_statement_moves_the_root_relative_to_the_manifest()
    {
        var graph = ManifestText.Load("toolkit-manifest 2\nCFLAGS = -g\nroot ../src\nbuild a.o: Object a.c\nend\n");
        Assert.Equal("/src", graph.RootDirectory);
        Assert.Equal("/abs", ManifestText.Load("toolkit-manifest 2\nroot /abs\nend\n").RootDirectory);
    }

    [Theory]
    [InlineData("root a\nroot b\n", 3, "a second 'root' statement (the first is on line 2)")]
    [InlineData("build a.o: Object a.c\nroot b\n", 3, "'root' must come before any 'build' or 'alias' statement")]
    [InlineData("alias x: a\nroot b\n", 3, "'root' must come before any 'build' or 'alias' statement")]
    [InlineData("root a b\n", 2, "'root' takes one path")]
    public void A_misplaced_or_repeated_root_is_refused_with_its_line(string body, int line, string problem)
    {
        var error = ManifestText.Error("toolkit-manifest 2\n" + body + "end\n");
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_on_disk_takes_its_root_from_the_one_read_of_its_manifest()
    {
        var source = Directory.CreateDirectory(Path.Join(_directory, "src")).FullName;
        var manifests = Directory.CreateDirectory(Path.Join(_directory, "build")).FullName;
        File.WriteAllText(Path.Join(source, "in.txt"), "data");
        File.WriteAllText(Path.Join(manifests, "toolkit.manifest"), "toolkit-manifest 2\n# a comment\nroot = not-this\nroot ../src\nbuild out.txt: Copy in.txt\nend\n");

        var project = Project.Open(manifests, EngineSettings.Baseline, new NullBuildReporter());
        var result = project.Build(null, new BuildOptions { Jobs = 1 }, project.CreateExecutor());

        Assert.Equal(source, project.Graph.RootDirectory);
        Assert.True(result.Succeeded);
        Assert.Equal("data", File.ReadAllText(Path.Join(source, "out.txt")));
    }

    [Fact]
    public void A_FIFO_or_a_device_as_the_manifest_is_refused_without_blocking()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fifo = Path.Join(_directory, "fifo");
        Directory.CreateDirectory(fifo);
        Posix.MakeFifo(Path.Join(fifo, "toolkit.manifest"));
        var error = Assert.Throws<Engine.Manifest.ManifestException>(() => Project.Open(fifo, EngineSettings.Baseline, new NullBuildReporter()));
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);

        var device = Path.Join(_directory, "device");
        Directory.CreateDirectory(device);
        File.CreateSymbolicLink(Path.Join(device, "toolkit.manifest"), "/dev/zero");
        Assert.Contains("character device", Assert.Throws<Engine.Manifest.ManifestException>(() => Project.Open(device, EngineSettings.Baseline, new NullBuildReporter())).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
