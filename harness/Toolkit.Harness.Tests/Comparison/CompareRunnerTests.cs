using System.Text.Json;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Comparison;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Comparison;

public sealed class CompareRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-compare-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1.00, null, ExitCodes.Success)]
    [InlineData(1.20, null, ExitCodes.Success)]
    [InlineData(1.00, 5.0, ExitCodes.Success)]
    [InlineData(1.20, 5.0, ExitCodes.Regression)]
    [InlineData(1.20, 30.0, ExitCodes.Success)]
    [InlineData(0.80, 5.0, ExitCodes.Success)]
    public void Exit_code_follows_fail_on_regression(double shift, double? failOn, int expected)
    {
        var (a, b) = Files(shift);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CompareRunner.Run(new CompareRequest { FileA = a, FileB = b, FailOnRegressionPercent = failOn }, output, error);
        Assert.True(expected == code, $"exit {code}, expected {expected}; stderr: {error}");
        Assert.Contains("bytesPerNode", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_name_the_verdict_per_metric_and_are_deterministic()
    {
        var (a, b) = Files(1.20);
        string Render()
        {
            var output = new StringWriter();
            CompareRunner.Run(new CompareRequest { FileA = a, FileB = b }, output, TextWriter.Null);
            return output.ToString();
        }

        var text = Render();
        Assert.Equal(text, Render());
        foreach (var metric in ComparisonMetric.All)
        {
            Assert.Contains(metric.Name + " (", text, StringComparison.Ordinal);
        }

        var bytesLine = text.Split('\n').SkipWhile(l => !l.StartsWith("bytesPerNode", StringComparison.Ordinal)).Skip(2).First();
        Assert.StartsWith("baseline", bytesLine, StringComparison.Ordinal);
        Assert.EndsWith("worse", bytesLine.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_a_user_error_that_names_the_file()
    {
        var (a, _) = Files(1.0);
        var missing = Path.Combine(_directory, "missing.json");
        var damaged = Path.Combine(_directory, "damaged.json");
        File.WriteAllText(damaged, "{\"schemaVersion\": 1, \"runs\": [");
        var newer = Path.Combine(_directory, "newer.json");
        File.WriteAllText(newer, "{\"schemaVersion\": 99}");
        var other = Path.Combine(_directory, "other.json");
        var otherResults = GeneratedRuns.Results(3, 5, 1.0);
        otherResults = otherResults with
        {
            Projects = [otherResults.Projects[0] with { Sources = 2000 }],
            Runs = otherResults.Runs.Select(r => r with { Sources = 2000 }).ToArray(),
        };
        File.WriteAllText(other, JsonSerializer.Serialize(otherResults, ResultsJson.Write));
        foreach (var (bad, expected) in new[] { (missing, "missing.json: does not exist"), (damaged, "damaged.json: not valid JSON"), (newer, "schemaVersion 99 is newer"), (other, "nothing to compare") })
        {
            var error = Assert.ThrowsAny<UserErrorException>(() => CompareRunner.Run(new CompareRequest { FileA = a, FileB = bad }, TextWriter.Null, TextWriter.Null));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_verb_parses_its_options_and_returns_the_gate_code()
    {
        var (a, b) = Files(1.20);
        Assert.Equal(ExitCodes.Regression, Invoke("compare", a, b, "--fail-on-regression", "5"));
        Assert.Equal(ExitCodes.Success, Invoke("compare", a, b));
        Assert.Equal(ExitCodes.UserError, Invoke("compare", a));
    }

    [Fact]
    public void Unknown_variants_are_refused_before_measuring()
    {
        var error = Assert.Throws<ComparisonException>(() => CompareRunner.Run(new CompareRequest { Variants = ["baseline", "no-such-variant"], ProjectsDirectory = _directory }, TextWriter.Null, TextWriter.Null));
        Assert.Contains("unknown variant 'no-such-variant'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_directory));
    }

    private static int Invoke(params string[] args) => CommandRunner.Invoke(Program.CreateRootCommand(), args, TextWriter.Null, TextWriter.Null);

    private (string A, string B) Files(double shift)
    {
        var a = Path.Combine(_directory, $"a-{shift}.json");
        var b = Path.Combine(_directory, $"b-{shift}.json");
        File.WriteAllText(a, JsonSerializer.Serialize(GeneratedRuns.Results(1, 7, 1.0), ResultsJson.Write));
        File.WriteAllText(b, JsonSerializer.Serialize(GeneratedRuns.Results(2, 7, shift), ResultsJson.Write));
        return (a, b);
    }
}
