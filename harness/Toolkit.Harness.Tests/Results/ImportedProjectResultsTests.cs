using Toolkit.Harness.Reporting.Pages;
using Toolkit.Harness.Results;
using Toolkit.Harness.Tests.Reporting;

namespace Toolkit.Harness.Tests.Results;

/// <summary>Schema 3's imported project: written and read back, checked, and named by the pages in place of shape and seed.</summary>
public sealed class ImportedProjectResultsTests
{
    private static readonly ImportedProjectRecord Zlib = new("/tmp/zlib-imported", "import-ninja", "/tmp/zlib/build/build.ninja", "/", "/tmp/zlib/build", "/tmp/toolkit-projects/imported-x", 187, 183, 50, 101, 0, 51, 0);

    private static ScaleResults Imported(params int[] sizes)
    {
        var builder = new ResultsBuilder();
        foreach (var size in sizes)
        {
            builder.Project(size, 187).Runs("baseline", size, [3_000, 3_100, 3_050, 3_020]);
        }

        var results = builder.Build();
        return results with { Project = Zlib, Options = results.Options with { Shape = null, Seed = null } };
    }

    [Fact]
    public void An_imported_project_round_trips_and_the_pages_name_it_and_draw_no_growth()
    {
        var results = Imported(101);
        var read = ResultsFile.Parse(System.Text.Encoding.UTF8.GetBytes(ResultsFile.ToJson(results)), "imported.json");
        Assert.Equal(Zlib, read.Project);
        Assert.Contains("`toolkit import-ninja` from `/tmp/zlib/build/build.ninja`; 187 nodes and 183 edges", PageText.Provenance(read));
        Assert.DoesNotContain("shape", PageText.Provenance(read));
        Assert.StartsWith("One project, one size", PageText.NoGrowth(read));
        Assert.StartsWith("One size only", PageText.NoGrowth(read with { Project = null }));
    }

    [Fact]
    public void A_file_with_an_imported_project_at_two_points_or_no_shape_without_a_project_is_refused()
    {
        var two = Assert.Throws<ResultsFileException>(() => ResultsValidator.Validate(Imported(101, 202), "two.json"));
        Assert.Contains("two.json: projects: an imported project is one point", two.Message);
        var noShape = Assert.Throws<ResultsFileException>(() => ResultsValidator.Validate(Imported(101) with { Project = null }, "shapeless.json"));
        Assert.Contains("shapeless.json: options.shape: is null", noShape.Message);
    }
}
