using System.Text.Json.Nodes;
using Toolkit.Harness.Results;
using Toolkit.Harness.Tests.Reporting;

namespace Toolkit.Harness.Tests.Results;

/// <summary>
/// The one results-file reader: version, required fields and values are checked, with errors that name
/// the file and the JSON path; writing is stable. Hostile inputs (ResultsFileHostileTests) are apart.
/// </summary>
public sealed class ResultsFileTests
{
    [Fact]
    public void Write_is_camel_case_indented_lf_and_reads_back_equal()
    {
        using var dir = new TempDirectory();
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        var path = Path.Combine(dir.Path, "r.json");
        ResultsFile.Write(path, results);
        var text = File.ReadAllText(path);
        Assert.StartsWith("{\n  \"schemaVersion\": 2,\n  \"createdUtc\": ", text, StringComparison.Ordinal);
        Assert.Contains("\"peakRssBytes\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        var again = Path.Combine(dir.Path, "again.json");
        ResultsFile.Write(again, ResultsFile.Read(path));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Read("/nonexistent/results.json"));
        Assert.Equal("/nonexistent/results.json: does not exist; give a results file written by toolkit scale", error.Message);
    }

    [Fact]
    public void Broken_json_gives_the_line()
    {
        var error = Parse("{\n  \"schemaVersion\": 1,\n  \"runs\": [,]\n}");
        Assert.Contains("bad.json: not valid JSON (line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the top level is not a JSON object")]
    [InlineData("{\"runs\": []}", "no integer 'schemaVersion'")]
    [InlineData("{\"schemaVersion\": 4}", "schemaVersion 4 is newer than this toolkit reads (3)")]
    [InlineData("{\"schemaVersion\": 0}", "schemaVersion 0 is not a valid version")]
    public void Wrong_top_level_or_version_is_refused(string json, string expected)
    {
        Assert.Contains(expected, Parse(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        var error = Edit(root => root.AsObject().Remove("runs"));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_footprint_field_is_named_with_its_path()
    {
        var error = Edit(root => root["runs"]![4]!["footprint"]!.AsObject().Remove("peakRssBytes"));
        Assert.Contains("peakRssBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.runs[4].footprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_constructor_field_is_refused()
    {
        var error = Edit(root => root["projects"]![0]!.AsObject().Remove("nodes"));
        Assert.Contains("nodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.projects[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_string_is_refused()
    {
        var error = Edit(root => root["runs"]![0]!["variant"] = null);
        Assert.Contains("$.runs[0].variant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs[2].footprint.nodes", "must be positive, is 0")]
    [InlineData("runs[2].sources", "no project of 7 sources")]
    [InlineData("runs[2].variant", "is not a variant name")]
    [InlineData("runs[2].footprint.loadSeconds", "must be a positive number")]
    [InlineData("projects[1].nodes", "must be positive, is -5")]
    [InlineData("peers[0].runs", "is empty but the peer was not skipped")]
    [InlineData("peers[0].tool", "is not a tool name")]
    [InlineData("peers[1]", "a second record of make at 1000 sources")]
    [InlineData("processes[0].operation", "is not one of dry-run, full-build, null-build")]
    [InlineData("processes[0].runs", "is empty but the tool was not skipped")]
    [InlineData("processes[0].runs[1].peakRssBytes", "must be positive")]
    [InlineData("processes[1]", "a second record of toolkit baseline dry-run at 1000 sources")]
    [InlineData("runs[2].sources", "no project of 1000 sources with 3 large files")]
    public void Bad_values_are_named_with_their_path(string at, string expected)
    {
        var error = Edit(root =>
        {
            switch (at)
            {
                case "runs[2].footprint.nodes": root["runs"]![2]!["footprint"]!["nodes"] = 0; break;
                case "runs[2].sources" when !expected.Contains("large", StringComparison.Ordinal): root["runs"]![2]!["sources"] = 7; break;
                case "runs[2].variant": root["runs"]![2]!["variant"] = "../../etc/evil"; break;
                case "runs[2].footprint.loadSeconds": root["runs"]![2]!["footprint"]!["loadSeconds"] = -1.0; break;
                case "projects[1].nodes": root["projects"]![1]!["nodes"] = -5; break;
                case "peers[0].runs": root["peers"]![0]!["runs"] = new JsonArray(); break;
                case "peers[0].tool": root["peers"]![0]!["tool"] = "make; rm"; break;
                case "peers[1]": root["peers"]![1]!["sources"] = 1000; break;
                case "processes[0].operation": root["processes"]![0]!["operation"] = "clean"; break;
                case "processes[0].runs": root["processes"]![0]!["runs"] = new JsonArray(); break;
                case "processes[0].runs[1].peakRssBytes": root["processes"]![0]!["runs"]![1]!["peakRssBytes"] = 0; break;
                case "processes[1]": root["processes"]![1]!["operation"] = "dry-run"; break;
                case "runs[2].sources" when expected.Contains("large", StringComparison.Ordinal): root["runs"]![2]!["largeFiles"] = 3; root["runs"]![2]!["sources"] = 1000; break;
            }
        }, at.StartsWith("peers", StringComparison.Ordinal) ? ReportingFiles.FixtureJsonVersion1 : ReportingFiles.FixtureJson);
        Assert.StartsWith($"bad.json: {at}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ResultsFileException Edit(Action<JsonNode> edit, string? fixture = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(fixture ?? ReportingFiles.FixtureJson))!;
        edit(root);
        return Parse(root.ToJsonString());
    }

    private static ResultsFileException Parse(string json) =>
        Assert.Throws<ResultsFileException>(() => ResultsFile.Parse(System.Text.Encoding.UTF8.GetBytes(json), "bad.json"));
}
