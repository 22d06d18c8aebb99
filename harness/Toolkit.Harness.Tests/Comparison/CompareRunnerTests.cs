using System.Text.Json;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Comparison;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Comparison;

/// <summary>compare's contract: verdicts from the interval, every format parses, the exit codes (0 no regression, 3 regression, 1 error).</summary>
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
        Assert.Contains("nullBuildWallSeconds", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_with_too_few_runs_to_decide_is_an_error_not_a_pass()
    {
        var (a, b) = Files(3.58, count: 3);
        var error = Assert.Throws<ComparisonException>(() => CompareRunner.Run(new CompareRequest { FileA = a, FileB = b, FailOnRegressionPercent = 5 }, TextWriter.Null, TextWriter.Null));
        Assert.Contains("cannot decide", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UserError, Invoke("compare", a, b, "--fail-on-regression", "5"));
    }

    [Fact]
    public void Warm_up_runs_are_not_compared()
    {
        var (a, b) = Files(1.0);
        var json = Json(a, b);
        Assert.All(json.GetProperty("rows").EnumerateArray(), row =>
        {
            Assert.Equal(7, row.GetProperty("countA").GetInt32());
            Assert.Equal(7, row.GetProperty("countB").GetInt32());
        });
    }

    [Fact]
    public void The_json_output_follows_its_schema_and_no_verdict_contradicts_its_interval()
    {
        var (a, b) = Files(1.20);
        var json = Json(a, b, "--fail-on-regression", "5");
        Assert.Equal(ComparisonWriter.JsonSchemaVersion, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(5, json.GetProperty("thresholdPercent").GetDouble());
        Assert.Equal(0.95, json.GetProperty("confidence").GetDouble());
        Assert.Equal(ExitCodes.Regression, json.GetProperty("exitCode").GetInt32());
        Assert.Contains(a, json.GetProperty("a").GetString(), StringComparison.Ordinal);
        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(7 + 6, rows.Length);
        Assert.True(json.GetProperty("regressions").GetInt32() > 0);
        foreach (var row in rows)
        {
            Assert.Equal(ComparisonWriter.CsvColumns, row.EnumerateObject().Select(p => p.Name));
            var verdict = row.GetProperty("verdict").GetString()!;
            Assert.Contains(verdict, VerdictNames.All);
            var lower = row.GetProperty("ratioLower").GetDouble();
            var upper = row.GetProperty("ratioUpper").GetDouble();
            var ratio = row.GetProperty("ratio").GetDouble();
            Assert.True(lower <= ratio && ratio <= upper, $"{lower} <= {ratio} <= {upper}");
            if (verdict is "worse")
            {
                Assert.True(lower > 1.05, $"worse with interval [{lower}, {upper}]");
            }

            if (verdict is "better")
            {
                Assert.True(upper < 1 / 1.05, $"better with interval [{lower}, {upper}]");
            }

            if (lower <= 1 && upper >= 1)
            {
                Assert.DoesNotContain(verdict, (string[])["better", "worse"]);
            }
        }
    }

    [Fact]
    public void The_csv_output_has_the_documented_columns_and_parses()
    {
        var (a, b) = Files(0.8);
        var output = new StringWriter();
        Assert.Equal(ExitCodes.Success, CompareRunner.Run(new CompareRequest { FileA = a, FileB = b, Format = ComparisonFormat.Csv }, output, TextWriter.Null));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ComparisonWriter.CsvColumns), lines[0]);
        Assert.Equal(14, lines.Length);
        foreach (var line in lines[1..])
        {
            var cells = line.Split(',');
            Assert.Equal(ComparisonWriter.CsvColumns.Count, cells.Length);
            Assert.Equal("baseline", cells[0]);
            Assert.Equal("1000", cells[1]);
            Assert.True(double.TryParse(cells[9], System.Globalization.CultureInfo.InvariantCulture, out var ratio) && ratio is > 0.7 and < 0.9, line);
            Assert.Equal("better", cells[^1]);
        }
    }

    [Fact]
    public void Markdown_and_text_are_deterministic_and_name_every_metric()
    {
        var (a, b) = Files(1.20);
        foreach (var format in new[] { ComparisonFormat.Text, ComparisonFormat.Markdown })
        {
            string Render()
            {
                var output = new StringWriter();
                CompareRunner.Run(new CompareRequest { FileA = a, FileB = b, Format = format }, output, TextWriter.Null);
                return output.ToString();
            }

            var text = Render();
            Assert.Equal(text, Render());
            foreach (var (metric, _) in ComparisonMetric.Footprint)
            {
                Assert.Contains(metric.Name, text, StringComparison.Ordinal);
            }
        }

        var markdown = new StringWriter();
        CompareRunner.Run(new CompareRequest { FileA = a, FileB = b, Format = ComparisonFormat.Markdown }, markdown, TextWriter.Null);
        Assert.StartsWith("## toolkit compare", markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("| metric | case |", markdown.ToString(), StringComparison.Ordinal);
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
            Processes = otherResults.Processes!.Select(p => p with { Sources = 2000 }).ToArray(),
        };
        File.WriteAllText(other, JsonSerializer.Serialize(otherResults, ResultsJson.Write));
        foreach (var (bad, expected) in new[] { (missing, "missing.json: does not exist"), (damaged, "damaged.json: not valid JSON"), (newer, "schemaVersion 99 is newer"), (other, "nothing to compare") })
        {
            var error = Assert.ThrowsAny<UserErrorException>(() => CompareRunner.Run(new CompareRequest { FileA = a, FileB = bad }, TextWriter.Null, TextWriter.Null));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.UserError, Invoke("compare", a, bad));
        }
    }

    [Fact]
    public void The_verb_parses_its_options_and_returns_the_gate_code()
    {
        var (a, b) = Files(1.20);
        Assert.Equal(ExitCodes.Regression, Invoke("compare", a, b, "--fail-on-regression", "5"));
        Assert.Equal(ExitCodes.Success, Invoke("compare", a, b));
        Assert.Equal(ExitCodes.Success, Invoke("compare", a, b, "--format", "csv"));
        Assert.Equal(ExitCodes.UserError, Invoke("compare", a, b, "--format", "yaml"));
        Assert.Equal(ExitCodes.UserError, Invoke("compare", a));
        Assert.Equal(ExitCodes.UserError, Invoke("compare", a, b, "--refs", "main,x"));
        var outFile = Path.Combine(_directory, "report.json");
        Assert.Equal(ExitCodes.Regression, Invoke("compare", a, b, "--format", "json", "--fail-on-regression", "5", "--out", outFile));
        Assert.Equal(ExitCodes.Regression, JsonDocument.Parse(File.ReadAllText(outFile)).RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Verdicts_of_two_runs_are_set_side_by_side_and_counted()
    {
        var fixture = Reporting.ReportingFiles.FixtureJson;
        var same = new StringWriter();
        Assert.Equal(ExitCodes.Success, CompareRunner.Run(new CompareRequest { FileA = fixture, FileB = fixture, Verdicts = true, Format = ComparisonFormat.Json }, same, TextWriter.Null));
        var json = JsonDocument.Parse(same.ToString()).RootElement;
        Assert.Equal(json.GetProperty("verdicts").GetInt32(), json.GetProperty("verdictsAgreeing").GetInt32());
        Assert.Equal((7 * 3) + 2, json.GetProperty("verdicts").GetInt32());

        // A second run in which slots saves nothing: its verdict at every size, and its memory change, disagree.
        var results = ResultsFile.Read(fixture);
        var baseline = results.Runs.Where(r => r.Variant == "baseline").ToDictionary(r => (r.Sources, r.LargeFiles, r.Repetition), r => r.Footprint);
        var rerun = results with { Runs = results.Runs.Select(r => r.Variant == "slots" ? r with { Footprint = baseline[(r.Sources, r.LargeFiles, r.Repetition)] with { Variant = "slots" } } : r).ToArray() };
        var other = Path.Combine(_directory, "rerun.json");
        ResultsFile.Write(other, rerun);
        var text = new StringWriter();
        Assert.Equal(ExitCodes.Success, CompareRunner.Run(new CompareRequest { FileA = fixture, FileB = other, Verdicts = true }, text, TextWriter.Null));
        Assert.Contains("verdicts: 20 of 23 agree", text.ToString(), StringComparison.Ordinal);
        var rows = new StringWriter();
        CompareRunner.Run(new CompareRequest { FileA = fixture, FileB = other, Verdicts = true, Format = ComparisonFormat.Json }, rows, TextWriter.Null);
        var disagreeing = JsonDocument.Parse(rows.ToString()).RootElement.GetProperty("rows").EnumerateArray().Where(r => !r.GetProperty("agree").GetBoolean()).ToArray();
        Assert.All(disagreeing, r => Assert.Equal("slots", r.GetProperty("variant").GetString()));
        Assert.Equal(3, disagreeing.Count(r => r.GetProperty("figure").GetString() == "verdict"));
        Assert.Equal(3, disagreeing.Count(r => r.GetProperty("figure").GetString() == "memory"));
    }

    [Fact]
    public void Unknown_variants_are_refused_before_measuring()
    {
        var error = Assert.Throws<ComparisonException>(() => CompareRunner.Run(new CompareRequest { Variants = ["baseline", "no-such-variant"], ProjectsDirectory = _directory }, TextWriter.Null, TextWriter.Null));
        Assert.Contains("unknown variant 'no-such-variant'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_directory));
    }

    private static int Invoke(params string[] args) => CommandRunner.Invoke(Program.CreateRootCommand(), args, TextWriter.Null, TextWriter.Null);

    private static JsonElement Json(string a, string b, params string[] more)
    {
        var output = new StringWriter();
        var request = new CompareRequest { FileA = a, FileB = b, Format = ComparisonFormat.Json, FailOnRegressionPercent = more.Length == 2 ? double.Parse(more[1], System.Globalization.CultureInfo.InvariantCulture) : null };
        CompareRunner.Run(request, output, TextWriter.Null);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    private (string A, string B) Files(double shift, int count = 7)
    {
        var a = Path.Combine(_directory, $"a-{shift}-{count}.json");
        var b = Path.Combine(_directory, $"b-{shift}-{count}.json");
        File.WriteAllText(a, JsonSerializer.Serialize(GeneratedRuns.Results(1, count, 1.0), ResultsJson.Write));
        File.WriteAllText(b, JsonSerializer.Serialize(GeneratedRuns.Results(2, count, shift), ResultsJson.Write));
        return (a, b);
    }
}
