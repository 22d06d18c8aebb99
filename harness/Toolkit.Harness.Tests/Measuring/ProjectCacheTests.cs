using Toolkit.Harness.Measuring;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Tests.Measuring;

/// <summary>The generated-project cache of scale and compare: generate once, reuse after, one read of generated.json per use.</summary>
public sealed class ProjectCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-project-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_project_is_generated_once_then_reused_from_one_read_of_its_stamp()
    {
        var options = ProjectCache.Options(_directory, ProjectShape.CLibraries, 20, 3);
        var first = ProjectCache.Ensure(options);
        Assert.False(first.Reused);
        Assert.True(first.Counts.Nodes > 20);

        var reads = 0;
        var second = ProjectCache.Ensure(options, directory =>
        {
            reads++;
            return GeneratedProjectStamp.Read(directory);
        });
        Assert.True(second.Reused);
        Assert.Equal(1, reads);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(0, second.GenerateSeconds);
    }

    [Fact]
    public void An_unfinished_generation_is_generated_again()
    {
        var options = ProjectCache.Options(_directory, ProjectShape.CLibraries, 20, 4);
        ProjectCache.Ensure(options);
        GeneratedProjectStamp.For(options, complete: false, counts: null).Write(options.OutputDirectory);
        Assert.False(ProjectCache.Ensure(options).Reused);
        Assert.True(ProjectCache.Ensure(options).Reused);
    }

    [Fact]
    public void A_generation_stopped_by_a_signal_is_left_unfinished_and_generated_again_not_reused()
    {
        var options = ProjectCache.Options(_directory, ProjectShape.CLibraries, 300, 7);
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var progress = new InlineProgress(report =>
        {
            batches++;
            stop.Cancel(); // the signal arrives while the first batch is described
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ProjectGenerator.Generate(options, progress, stop.Token));
        Assert.Equal(1, batches);
        var stamp = GeneratedProjectStamp.Read(options.OutputDirectory);
        Assert.NotNull(stamp);
        Assert.False(stamp.Matches(options)); // marked unfinished
        Assert.False(ProjectGenerator.IsUpToDate(options));

        var again = ProjectCache.Ensure(options);
        Assert.False(again.Reused);
        Assert.True(ProjectCache.Ensure(options).Reused);
    }

    [Fact]
    public void A_damaged_stamp_is_generated_again_when_the_listing_says_what_to_delete_and_kept_otherwise()
    {
        var options = ProjectCache.Options(_directory, ProjectShape.CLibraries, 20, 6);
        ProjectCache.Ensure(options);
        var stamp = Path.Combine(options.OutputDirectory, GeneratedProjectStamp.FileName);
        File.WriteAllText(stamp, "{ damaged");
        Assert.False(ProjectCache.Ensure(options).Reused); // generated.files lists what to delete

        File.Delete(Path.Combine(options.OutputDirectory, ProjectGenerator.ListingFileName));
        File.WriteAllText(stamp, "{ damaged");
        var error = Assert.Throws<MeasurementException>(() => ProjectCache.Ensure(options));
        Assert.Contains(options.OutputDirectory, error.Message, StringComparison.Ordinal);
        Assert.Equal("{ damaged", File.ReadAllText(stamp));
    }

    [Fact]
    public void A_folder_the_generator_will_not_overwrite_is_a_measurement_error_naming_it()
    {
        var options = ProjectCache.Options(_directory, ProjectShape.CLibraries, 20, 5);
        Directory.CreateDirectory(options.OutputDirectory);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "mine.txt"), "not generated");
        var error = Assert.Throws<MeasurementException>(() => ProjectCache.Ensure(options));
        Assert.Contains(options.OutputDirectory, error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(options.OutputDirectory, "mine.txt")));
    }

    private sealed class InlineProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
