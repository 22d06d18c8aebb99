using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.SyntheticProjects.Ninja;
using Toolkit.SyntheticProjects.Tests.Generation;

namespace Toolkit.SyntheticProjects.Tests.Ninja;

/// <summary>
/// A rule with an <c>rspfile</c> (CMake's links, the generator's own link) imports to a command that writes
/// the response file first, as ninja does, so that a build with real tools finds it; before, the imported
/// command ran with no response file and failed.
/// </summary>
public sealed class NinjaResponseFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void An_imported_rspfile_rule_writes_the_response_file_before_its_command_and_removes_it_after()
    {
        Directory.CreateDirectory(_temp.Sub("project"));
        File.WriteAllText(_temp.Sub("project/a.o"), "a");
        File.WriteAllText(_temp.Sub("project/b.o"), "b");
        File.WriteAllText(_temp.Sub("project/build.ninja"), """
            rule link
              command = cp $out.rsp $out || echo never
              rspfile = $out.rsp
              rspfile_content = $in -DQUOTED='1'
            build app: link a.o b.o

            """);

        var result = NinjaImporter.Import(_temp.Sub("project/build.ninja"), _temp.Sub("imported"));
        var reporter = new NullBuildReporter();
        var project = Project.Open(_temp.Sub("imported"), EngineSettings.Baseline, reporter);
        var build = project.Build(null, new BuildOptions { Jobs = 1 }, new ProcessExecutor(result.RootDirectory));

        Assert.True(build.Failed == 0, string.Join("\n", reporter.Errors));
        Assert.Equal("a.o b.o -DQUOTED='1'", File.ReadAllText(_temp.Sub("project/app")));
        Assert.False(File.Exists(_temp.Sub("project/app.rsp")), "the response file is removed after the command succeeded");
    }

    public void Dispose() => _temp.Dispose();
}
