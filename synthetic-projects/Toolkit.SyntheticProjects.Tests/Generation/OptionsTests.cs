using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>Bad options and unsafe output directories give clear errors naming what is wrong.</summary>
public sealed class OptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(9, 0, "--sources")]
    [InlineData(1_000_001, 0, "--sources")]
    [InlineData(-5, 0, "--sources")]
    [InlineData(10, -1, "--large-files")]
    public void Out_of_range_options_are_refused(int sources, int large, string option)
    {
        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, sources, 1, _temp.Path, large)));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Path));
    }

    [Fact]
    public void Unknown_shape_lists_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ProjectShapes.Parse("diamond"));
        Assert.Contains("'diamond'", error.Message, StringComparison.Ordinal);
        Assert.Contains("c-libraries, deep-chain, wide-fanin", error.Message, StringComparison.Ordinal);
        Assert.Throws<GenerationException>(() => new GeneratorOptions((ProjectShape)42, 10, 1, _temp.Path).Validate());
    }

    [Theory]
    [InlineData("c-libraries", ProjectShape.CLibraries)]
    [InlineData("Deep-Chain", ProjectShape.DeepChain)]
    [InlineData("wide-fanin", ProjectShape.WideFanin)]
    public void Shape_names_parse_and_round_trip(string name, ProjectShape shape)
    {
        Assert.Equal(shape, ProjectShapes.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), ProjectShapes.Name(shape));
    }

    [Fact]
    public void A_non_empty_directory_that_is_not_a_generated_project_is_not_overwritten()
    {
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllText(_temp.Sub("precious.txt"), "keep me");
        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, _temp.Path)));
        Assert.Contains("not a generated project", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Sub("precious.txt")));
    }

    [Fact]
    public void A_generated_project_is_recognised_and_replaced_cleanly()
    {
        var small = new GeneratorOptions(ProjectShape.CLibraries, 300, 1, _temp.Path);
        Assert.False(ProjectGenerator.IsUpToDate(small));
        ProjectGenerator.Generate(small);
        Assert.True(ProjectGenerator.IsUpToDate(small));
        Assert.False(ProjectGenerator.IsUpToDate(small with { Seed = 2 }));
        Assert.False(ProjectGenerator.IsUpToDate(small with { Shape = ProjectShape.WideFanin }));

        var smaller = small with { Sources = 10 };
        var result = ProjectGenerator.Generate(smaller);
        Assert.Equal(result.Sources, Directory.EnumerateFiles(_temp.Path, "*.c", SearchOption.AllDirectories).Count());
        Assert.True(ProjectGenerator.IsUpToDate(smaller));
    }

    [Fact]
    public void A_damaged_stamp_is_an_error_naming_the_file()
    {
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllText(_temp.Sub(GeneratedProjectStamp.FileName), "{ \"format\": \"toolkit-generated-project\", \"formatVersion\": 1, ");
        var error = Assert.Throws<InvalidDataException>(() => GeneratedProjectStamp.Read(_temp.Path));
        Assert.Contains(GeneratedProjectStamp.FileName, error.Message, StringComparison.Ordinal);
        Assert.False(ProjectGenerator.IsUpToDate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, _temp.Path)));
        Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, _temp.Path)));

        File.WriteAllText(_temp.Sub(GeneratedProjectStamp.FileName), "{ \"format\": \"toolkit-generated-project\", \"formatVersion\": 99 }");
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => GeneratedProjectStamp.Read(_temp.Path)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
