using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.SyntheticProjects.Generation;
using Toolkit.SyntheticProjects.Tests.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>
/// issue 10, items 2 and 12: generating into a folder deletes exactly what an earlier generation
/// listed in generated.files (and what a build of it wrote), and refuses, deleting nothing, a folder
/// holding anything else, a file, a device, a FIFO or the file system root.
/// </summary>
public sealed class OutputDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private GeneratorOptions Options(int sources = 10, int seed = 1) => new(ProjectShape.CLibraries, sources, seed, _temp.Path);

    [Fact]
    public void Regenerating_after_a_build_deletes_the_listed_files_the_outputs_and_the_engine_s_files()
    {
        ProjectGenerator.Generate(Options(40));
        var project = Project.Open(_temp.Path, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false });
        Assert.True(project.Build(null, new BuildOptions { Jobs = 1 }, project.CreateExecutor()).Succeeded);
        var someObject = Directory.EnumerateFiles(_temp.Path, "*.o", SearchOption.AllDirectories).First();
        File.WriteAllText(someObject + EngineFiles.TemporaryMarker + "999999.1", "left by kill -9");
        File.WriteAllText(_temp.Sub(".ninja_log"), "# ninja log v5\n");

        var result = ProjectGenerator.Generate(Options(10, seed: 2));

        var files = Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(result.FilesWritten, files.Count);
        Assert.DoesNotContain(files, f => f.EndsWith(".o", StringComparison.Ordinal) || EngineFiles.IsReserved(Path.GetFileName(f)) || f.EndsWith(".ninja_log", StringComparison.Ordinal));
        Assert.True(ProjectGenerator.IsUpToDate(Options(10, seed: 2)));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("include/my_own.h")]
    [InlineData("bin/keep.me")]
    [InlineData("mine/deep.txt")]
    public void A_file_the_generator_did_not_write_stops_it_and_nothing_is_deleted(string foreign)
    {
        ProjectGenerator.Generate(Options());
        var before = Snapshot();
        var path = _temp.Sub(foreign);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "precious");

        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(Options(seed: 3)));

        Assert.Contains(foreign.Split('/')[0], error.Message, StringComparison.Ordinal);
        Assert.Contains("did not write", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Equal(before, Snapshot().Where(f => !f.EndsWith(foreign, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_file_in_a_generated_source_directory_is_named()
    {
        ProjectGenerator.Generate(Options());
        var directory = Directory.EnumerateDirectories(_temp.Path, "lib_*").First();
        File.WriteAllText(Path.Combine(directory, "handwritten.c"), "int x;\n");

        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(Options(seed: 3)));

        Assert.Contains($"'{Path.GetFileName(directory)}/handwritten.c'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "handwritten.c")));
    }

    [Fact]
    public void An_interrupted_generation_is_claimed_and_replaced()
    {
        ProjectGenerator.Generate(Options(40));
        var listing = _temp.Sub(ProjectGenerator.ListingFileName);
        var lines = File.ReadAllLines(listing);
        var cut = Array.FindLastIndex(lines, l => l.StartsWith("claim lib_", StringComparison.Ordinal));
        File.WriteAllLines(listing, lines[..(cut + 1)]); // killed after claiming the directories, before listing them
        Directory.Delete(_temp.Sub("bin"), recursive: true); // and before making bin/

        var result = ProjectGenerator.Generate(Options(10));

        Assert.Equal(result.FilesWritten, Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_version_1_project_without_a_listing_is_listed_from_its_options_and_replaced()
    {
        ProjectGenerator.Generate(Options(40));
        File.Delete(_temp.Sub(ProjectGenerator.ListingFileName));
        var stamp = File.ReadAllText(_temp.Sub(GeneratedProjectStamp.FileName)).Replace("\"generatorVersion\": 2", "\"generatorVersion\": 1", StringComparison.Ordinal);
        File.WriteAllText(_temp.Sub(GeneratedProjectStamp.FileName), stamp);

        var result = ProjectGenerator.Generate(Options(10));

        Assert.Equal(result.FilesWritten, Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_newer_project_without_its_listing_is_refused()
    {
        ProjectGenerator.Generate(Options());
        File.Delete(_temp.Sub(ProjectGenerator.ListingFileName));

        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(Options(seed: 2)));

        Assert.Contains("without its generated.files", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Sub("toolkit.manifest")));
    }

    [Fact]
    public void A_listing_naming_a_file_outside_the_project_is_refused_as_damaged()
    {
        ProjectGenerator.Generate(Options());
        File.AppendAllText(_temp.Sub(ProjectGenerator.ListingFileName), "dir ..\n  passwd\n");
        var listing = File.ReadAllText(_temp.Sub(ProjectGenerator.ListingFileName)).Replace("end\n", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(_temp.Sub(ProjectGenerator.ListingFileName), listing);

        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(Options(seed: 2)));

        Assert.Contains("'..' is not a file name of the project", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Sub("toolkit.manifest")));
    }

    [Fact]
    public void A_file_a_device_and_the_root_are_refused_in_one_line()
    {
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllText(_temp.Sub("plain"), "x");
        Assert.Contains("is a file, not a directory", Refusal(_temp.Sub("plain")), StringComparison.Ordinal);
        Assert.Contains("character device", Refusal("/dev/null"), StringComparison.Ordinal);
        Assert.Contains("root of the file system", Refusal("/"), StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(_temp.Sub("plain")));
        if (OperatingSystem.IsLinux())
        {
            UnixFifo.Create(_temp.Sub("fifo"));
            Assert.Contains("FIFO", Refusal(_temp.Sub("fifo")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_folder_of_someone_else_s_files_is_refused()
    {
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllText(_temp.Sub("report.docx"), "mine");

        Assert.Contains("holds no generated.json", Refusal(_temp.Path), StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Sub("report.docx")));
    }

    public void Dispose() => _temp.Dispose();

    private static string Refusal(string output)
    {
        var error = Assert.Throws<GenerationException>(() => ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, output)));
        Assert.DoesNotContain('\n', error.Message);
        return error.Message;
    }

    private List<string> Snapshot() =>
        [.. Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
