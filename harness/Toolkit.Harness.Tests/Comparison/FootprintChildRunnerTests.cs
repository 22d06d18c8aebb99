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
    public void A_child_that_refuses_the_project_gives_its_error_line_as_a_measurement_error()
    {
        var missing = Path.Combine(_directory, "none");
        var error = Assert.Throws<MeasurementException>(() =>
            FootprintChildRunner.ForThisToolkit().Run(missing, "baseline", dryRun: false, clean: false, CancellationToken.None));
        Assert.Equal($"measuring baseline on {missing}: {missing}: no such directory", error.Message);
    }

    [Fact]
    public void A_child_that_crashes_is_a_bug_with_its_stderr()
    {
        // A shell stands in for a child that crashed: exit code 70 (a bug), not 1 (a user error).
        var runner = new FootprintChildRunner("/bin/sh", ["-c", "echo 'it broke' >&2; exit 70", "sh"]);
        var error = Assert.Throws<InvalidOperationException>(() => runner.Run(_directory, "baseline", dryRun: false, clean: false, CancellationToken.None));
        Assert.Contains("exit code 70", error.Message, StringComparison.Ordinal);
        Assert.Contains("it broke", error.Message, StringComparison.Ordinal);
    }
}
