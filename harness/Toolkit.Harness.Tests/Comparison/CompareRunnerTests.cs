using System.CommandLine;
using System.Text.Json;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Comparison;

namespace Toolkit.Harness.Tests.Comparison;

public sealed class CompareRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-compare-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1.00, null, CompareExitCodes.Ok)]
    [InlineData(1.20, null, CompareExitCodes.Ok)]
    [InlineData(1.00, 5.0, CompareExitCodes.Ok)]
    [InlineData(1.20, 5.0, CompareExitCodes.Regression)]
    [InlineData(1.20, 30.0, CompareExitCodes.Ok)]
    [InlineData(0.80, 5.0, CompareExitCodes.Ok)]
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
    public void Bad_input_exits_with_one_and_names_the_file()
    {
        var (a, _) = Files(1.0);
        var missing = Path.Combine(_directory, "missing.json");
        var damaged = Path.Combine(_directory, "damaged.json");
        File.WriteAllText(damaged, "{\"schemaVersion\": 1, \"runs\": [");
        var newer = Path.Combine(_directory, "newer.json");
        File.WriteAllText(newer, "{\"schemaVersion\": 99}");
        var other = Path.Combine(_directory, "other.json");
        var otherResults = GeneratedRuns.Results(3, 5, 1.0);
        otherResults = otherResults with { Runs = otherResults.Runs.Select(r => r with { Sources = 2000 }).ToArray() };
        File.WriteAllText(other, JsonSerializer.Serialize(otherResults, FootprintCommand.Json));
        foreach (var (bad, expected) in new[] { (missing, "missing.json"), (damaged, "damaged.json"), (newer, "schema version 99"), (other, "nothing to compare") })
        {
            var error = new StringWriter();
            Assert.Equal(CompareExitCodes.BadInput, CompareRunner.Run(new CompareRequest { FileA = a, FileB = bad }, TextWriter.Null, error));
            Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_verb_parses_its_options_and_returns_the_gate_code()
    {
        var (a, b) = Files(1.20);
        var root = new RootCommand { CompareCommand.Create() };
        Assert.Equal(CompareExitCodes.Regression, root.Parse(["compare", a, b, "--fail-on-regression", "5"]).Invoke());
        Assert.Equal(CompareExitCodes.Ok, root.Parse(["compare", a, b]).Invoke());
        Assert.Equal(CompareExitCodes.BadInput, root.Parse(["compare", a]).Invoke());
    }

    [Fact]
    public void Unknown_variants_are_refused_before_measuring()
    {
        var error = new StringWriter();
        var code = CompareRunner.Run(new CompareRequest { Variants = ["baseline", "no-such-variant"], ProjectsDirectory = _directory }, TextWriter.Null, error);
        Assert.Equal(CompareExitCodes.BadInput, code);
        Assert.Contains("no-such-variant", error.ToString(), StringComparison.Ordinal);
    }

    private (string A, string B) Files(double shift)
    {
        var a = Path.Combine(_directory, $"a-{shift}.json");
        var b = Path.Combine(_directory, $"b-{shift}.json");
        File.WriteAllText(a, JsonSerializer.Serialize(GeneratedRuns.Results(1, 7, 1.0), FootprintCommand.Json));
        File.WriteAllText(b, JsonSerializer.Serialize(GeneratedRuns.Results(2, 7, shift), FootprintCommand.Json));
        return (a, b);
    }
}
