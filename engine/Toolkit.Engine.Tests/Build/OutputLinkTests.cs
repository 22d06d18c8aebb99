using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// issue 10, item 3: no output is written or deleted outside the project, not even through a symbolic
/// link inside it that points elsewhere (<c>out -&gt; /elsewhere</c>); the node fails with one line
/// naming the link and its target, and the folder outside stays as it was.
/// </summary>
public sealed class OutputLinkTests : IDisposable
{
    private const string Manifest = """
        toolkit-manifest 2
        build out/a.txt: Copy a.txt
        build inside/b.txt: Copy a.txt
        end
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-link-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("toolkit-outside-").FullName;

    public OutputLinkTests()
    {
        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), Manifest);
        File.WriteAllText(Path.Join(_root, "a.txt"), "a");
        Directory.CreateSymbolicLink(Path.Join(_root, "out"), _outside);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_link_out_of_the_project_fails_its_output_and_writes_nothing_there(bool realTools)
    {
        var reporter = new NullBuildReporter();
        var project = Project.Open(_root, EngineSettings.Baseline, reporter);
        IActionExecutor executor = realTools ? new ProcessExecutor(_root) : new BuiltinToolExecutor();

        var result = project.Build(null, new BuildOptions { Jobs = 1, KeepGoing = true }, executor);

        Assert.Equal(1, result.Failed);
        var error = Assert.Single(reporter.Errors);
        Assert.Matches("toolkit.manifest:2: 'out/a.txt': 'out' leads to '.*toolkit-outside-[^']*' through a symbolic link, outside the project", error);
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
        Assert.True(File.Exists(Path.Join(_root, "inside", "b.txt")));
    }

    [Fact]
    public void A_link_inside_the_project_is_followed()
    {
        Directory.Delete(Path.Join(_root, "out"));
        Directory.CreateDirectory(Path.Join(_root, "real"));
        Directory.CreateSymbolicLink(Path.Join(_root, "out"), Path.Join(_root, "real"));
        var project = Project.Open(_root, EngineSettings.Baseline, new NullBuildReporter());

        var result = project.Build(null, new BuildOptions { Jobs = 1 }, new BuiltinToolExecutor());

        Assert.Equal(0, result.Failed);
        Assert.Equal("a", File.ReadAllText(Path.Join(_root, "real", "a.txt")));
    }

    [Fact]
    public void Clean_does_not_delete_through_a_link_out_of_the_project()
    {
        File.WriteAllText(Path.Join(_outside, "a.txt"), "the user's file");

        var error = Assert.ThrowsAny<IOException>(() => Project.Clean(_root));

        Assert.Contains("through a symbolic link, outside the project", error.Message, StringComparison.Ordinal);
        Assert.Equal("the user's file", File.ReadAllText(Path.Join(_outside, "a.txt")));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
