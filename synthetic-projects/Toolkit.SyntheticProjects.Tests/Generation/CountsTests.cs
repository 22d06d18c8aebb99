using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>The counts the generator reports match the files on disk, the model's graph and generated.json.</summary>
public sealed class CountsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(ProjectShape.CLibraries, 420, 0)]
    [InlineData(ProjectShape.CLibraries, 10, 1)]
    [InlineData(ProjectShape.DeepChain, 135, 0)]
    [InlineData(ProjectShape.WideFanin, 230, 1)]
    public void Counts_match_disk_and_model(ProjectShape shape, int sources, int large)
    {
        var options = new GeneratorOptions(shape, sources, 5, _temp.Path, large);
        var result = ProjectGenerator.Generate(options);

        var files = Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(result.Sources, files.Count(f => f.EndsWith(".c", StringComparison.Ordinal)));
        Assert.Equal(result.Headers, files.Count(f => f.EndsWith(".h", StringComparison.Ordinal)));
        Assert.Equal(result.Directories, Directory.EnumerateDirectories(_temp.Path, "*", SearchOption.AllDirectories).Count() + 1);
        Assert.Equal(result.FilesWritten, files.Count);
        Assert.Equal(result.BytesWritten, files.Sum(f => new FileInfo(f).Length));
        Assert.Equal(sources + 1 + large, result.Sources);

        var model = ModelGraph.Of(ProjectPlan.Create(options));
        Assert.Equal(model.Sources.Count, result.Sources);
        Assert.Equal(model.Headers.Count, result.Headers);
        Assert.Equal(model.Derived.Count, result.DerivedFiles);
        Assert.Equal(model.Directories.Count, result.Directories);
        Assert.Equal(model.NodeCount, result.Nodes);
        Assert.Equal(model.Edges.Count + 1, result.Edges); // + the alias all -> bin/app, an edge in the engine

        var stamp = GeneratedProjectStamp.Read(_temp.Path);
        Assert.NotNull(stamp);
        Assert.True(stamp.Matches(options));
        Assert.Equal(result.Counts, stamp.Counts);
    }

    [Fact]
    public void C_libraries_at_100k_would_have_about_211k_nodes()
    {
        // Counted from the plan's arithmetic, not generated: 100k sources + 100k objects + 10k
        // headers + 1k libraries + directories + program, as the brief sizes it.
        var plan = ProjectPlan.Create(new GeneratorOptions(ProjectShape.CLibraries, 100_000, 1, _temp.Path));
        Assert.Equal(1000, plan.DirectoryCount);
        var headers = plan.SharedHeaders.Count + (plan.DirectoryCount * plan.PlanDirectory(0).Headers.Count);
        Assert.Equal(10_020, headers);
    }

    public void Dispose() => _temp.Dispose();
}
