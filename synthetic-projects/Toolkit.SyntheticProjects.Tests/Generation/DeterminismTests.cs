using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>The same options give the same tree byte for byte (every file hashed); another seed gives another tree.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(ProjectShape.CLibraries, 350)]
    [InlineData(ProjectShape.DeepChain, 120)]
    [InlineData(ProjectShape.WideFanin, 250)]
    public void Same_options_give_identical_files(ProjectShape shape, int sources)
    {
        var first = ProjectGenerator.Generate(new GeneratorOptions(shape, sources, 11, _temp.Sub("a")));
        var second = ProjectGenerator.Generate(new GeneratorOptions(shape, sources, 11, _temp.Sub("b")));
        var a = TreeHash.Of(_temp.Sub("a"));
        var b = TreeHash.Of(_temp.Sub("b"));
        Assert.Equal(a, b);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.BytesWritten, second.BytesWritten);
        Assert.Equal(a.Count, first.FilesWritten);
    }

    [Fact]
    public void Another_seed_gives_other_names_and_contents()
    {
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 200, 1, _temp.Sub("a")));
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 200, 2, _temp.Sub("b")));
        var a = TreeHash.Of(_temp.Sub("a"));
        var b = TreeHash.Of(_temp.Sub("b"));
        Assert.NotEqual(a.Keys, b.Keys);
        var shared = a.Keys.Intersect(b.Keys).Where(k => k.EndsWith(".c", StringComparison.Ordinal) || k.EndsWith(".h", StringComparison.Ordinal)).ToList();
        Assert.All(shared, k => Assert.NotEqual(a[k], b[k]));
    }

    [Fact]
    public void Large_files_are_deterministic_too()
    {
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.WideFanin, 10, 3, _temp.Sub("a"), LargeFiles: 2));
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.WideFanin, 10, 3, _temp.Sub("b"), LargeFiles: 2));
        Assert.Equal(TreeHash.Of(_temp.Sub("a")), TreeHash.Of(_temp.Sub("b")));
    }

    public void Dispose() => _temp.Dispose();
}
