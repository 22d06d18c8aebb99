using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// issue 10, item 10: an I/O error during a build fails the node it happened to, with one line naming
/// the node and its manifest line, never an AggregateException with a trace; on a full disk the
/// database save neither hides the real error nor throws a trace of its own.
/// </summary>
public sealed class IoErrorTests
{
    private const string Manifest = """
        toolkit-manifest 2
        build out/a.txt: Copy a.txt
        build out/b.txt: Copy b.txt
        end
        """;

    [Fact]
    public void A_full_disk_fails_the_output_it_could_not_write_and_keep_going_builds_the_rest()
    {
        var (project, faulty, reporter) = Open();
        faulty.Full.Add("out/a.txt");

        var result = project.Build(null, new BuildOptions { Jobs = 1, KeepGoing = true }, new BuiltinToolExecutor());

        Assert.Equal(1, result.Failed);
        Assert.Equal(1, result.Executed);
        var error = Assert.Single(reporter.Errors);
        Assert.Equal("m:2: 'out/a.txt': No space left on device : '/project/out/a.txt'", error);
    }

    [Fact]
    public void An_unwritable_output_is_one_line()
    {
        var (project, faulty, reporter) = Open();
        faulty.ReadOnly.Add("out/b.txt");

        var result = project.Build(null, new BuildOptions { Jobs = 2, KeepGoing = true }, new BuiltinToolExecutor());

        Assert.Equal(1, result.Failed);
        Assert.Equal("m:3: 'out/b.txt': Access to the path '/project/out/b.txt' is denied.", Assert.Single(reporter.Errors));
    }

    [Fact]
    public void A_database_that_cannot_be_saved_is_one_user_error_after_the_build()
    {
        var (project, faulty, reporter) = Open();
        faulty.Full.Add("*");

        var error = Assert.Throws<ProjectException>(() => project.Build(null, new BuildOptions { Jobs = 1 }, new BuiltinToolExecutor()));

        Assert.Contains("could not save the signature database .toolkit.sigdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Contains("m:2: 'out/a.txt': No space left on device", Assert.Single(reporter.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_save_does_not_hide_the_error_that_stopped_the_build()
    {
        var (project, faulty, reporter) = Open();
        faulty.Full.Add(Project.DatabaseFileName);

        var error = Assert.Throws<AggregateException>(() => project.Build(null, new BuildOptions { Jobs = 1 }, new BrokenExecutor()));

        Assert.IsType<InvalidOperationException>(Assert.Single(error.InnerExceptions));
        Assert.Contains("could not save the signature database", Assert.Single(reporter.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_where_an_output_directory_must_go_fails_that_node()
    {
        var root = Directory.CreateTempSubdirectory("toolkit-io-").FullName;
        try
        {
            File.WriteAllText(Path.Join(root, "toolkit.manifest"), Manifest);
            File.WriteAllText(Path.Join(root, "a.txt"), "a");
            File.WriteAllText(Path.Join(root, "b.txt"), "b");
            File.WriteAllText(Path.Join(root, "out"), "a file, not a directory");
            var reporter = new NullBuildReporter();
            var project = Project.Open(root, EngineSettings.Baseline, reporter);

            var result = project.Build(null, new BuildOptions { Jobs = 1, KeepGoing = true }, project.CreateExecutor());

            Assert.Equal(2, result.Failed);
            Assert.All(reporter.Errors, e => Assert.Matches("^.*toolkit.manifest:[23]: 'out/[ab].txt': ", e));
            Assert.Equal("a file, not a directory", File.ReadAllText(Path.Join(root, "out")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (Project Project, FaultyFileSystem Faulty, NullBuildReporter Reporter) Open()
    {
        var files = new MemoryFileSystem();
        files.WriteText("a.txt", "a");
        files.WriteText("b.txt", "b");
        var faulty = new FaultyFileSystem(files);
        var reporter = new NullBuildReporter();
        var project = Project.Open(new StringReader(Manifest), "m", faulty, "/project", EngineSettings.Baseline, reporter);
        return (project, faulty, reporter);
    }
}
