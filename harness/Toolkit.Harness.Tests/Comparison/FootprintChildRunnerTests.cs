using Toolkit.Harness.Measuring;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Tests.Comparison;

public sealed class FootprintChildRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-child-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_child_measures_a_small_project_and_its_record_is_parsed()
    {
        var project = Path.Combine(_directory, "p");
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, GeneratorOptions.MinSources, 1, project));
        var record = FootprintChildRunner.ForThisToolkit().Run(project, "baseline", dryRun: false, clean: true, CancellationToken.None);
        Assert.Equal("baseline", record.Variant);
        Assert.True(record.Nodes > GeneratorOptions.MinSources, $"nodes {record.Nodes}");
        Assert.True(record.ActionsRun > 0, "a clean build runs actions");
    }

    [Fact]
    public void A_failing_child_gives_its_stderr()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            FootprintChildRunner.ForThisToolkit().Run(Path.Combine(_directory, "none"), "baseline", dryRun: false, clean: false, CancellationToken.None));
        Assert.Contains("toolkit.manifest", error.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
    }
}
