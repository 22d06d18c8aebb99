using System.Text.RegularExpressions;
using Toolkit.Engine.Image;
using Toolkit.Harness.Measuring;
using Toolkit.Introspection.Tests;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Tests.Measuring;

/// <summary>
/// <c>toolkit-build build --variant mapped</c> (the JIT program; the NativeAOT one runs the same code): a null build after
/// one that wrote the image prints what optimized's null build prints, exit code 0, and really came from the image, which
/// shows on disk: a loaded null build saves the database and the image again (each a rename: a new inode); an answered
/// one writes nothing.
/// </summary>
public sealed partial class MappedNullBuildTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-mapped-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_null_build_from_the_image_prints_what_a_loaded_one_prints_and_writes_nothing()
    {
        var mapped = Generate("mapped");
        var optimized = Generate("optimized");
        foreach (var (project, variant) in new[] { (mapped, "mapped"), (optimized, "optimized") })
        {
            Assert.Equal(0, Run(project, "-j", "1", "--variant", variant).ExitCode);
            Age(project); // older than the image to come: no stamp is racy
            Assert.Equal(0, Run(project, "--variant", variant).ExitCode); // loads; mapped writes the image
        }

        var image = Path.Join(mapped, BuildImage.FileName);
        Assert.True(File.Exists(image), "a null build of the mapped variant leaves the image");
        var before = (Inode(image), Inode(Path.Join(mapped, ".toolkit.sigdb")));
        foreach (var extra in new[] { Array.Empty<string>(), ["-n"] })
        {
            var served = Run(mapped, [.. extra, "--variant", "mapped"]);
            var loaded = Run(optimized, [.. extra, "--variant", "optimized"]);
            Assert.Equal(loaded, served);
            Assert.Contains(" 0 actions, ", served.Output, StringComparison.Ordinal);
        }

        Assert.Equal(before, (Inode(image), Inode(Path.Join(mapped, ".toolkit.sigdb"))));

        File.AppendAllText(Path.Join(mapped, "toolkit.manifest"), string.Empty); // the same bytes, a new time: still served
        Assert.Equal(before, (Inode(image), Inode(Path.Join(mapped, ".toolkit.sigdb"))));
        byte[] damagedImage = [.. File.ReadAllBytes(image)[..^1], 0];
        File.WriteAllBytes(image, damagedImage);
        var damaged = Run(mapped, "--variant", "mapped");
        Assert.Equal(0, damaged.ExitCode);
        Assert.Contains($"warning: build image '{BuildImage.FileName}' is damaged", damaged.Output, StringComparison.Ordinal);
        Assert.NotEqual(damagedImage, File.ReadAllBytes(image)); // loaded, and the image written anew (its inode may be reused)
        Assert.Equal(before.Item2, Inode(Path.Join(mapped, ".toolkit.sigdb"))); // a loaded null build leaves the database unwritten
    }

    private string Generate(string name)
    {
        var project = Path.Join(_directory, name);
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 40, 1, project));
        return project;
    }

    private static void Age(string project)
    {
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(-10));
        }
    }

    private static string Inode(string path) => ChildProcess.Run("stat", Path.GetDirectoryName(path)!, "-c", "%i", path).Output.Trim();

    private static (int ExitCode, string Output) Run(string project, params string[] arguments)
    {
        var (code, output) = ChildProcess.Run(LeanEngine.Jit(ChildProcess.RepositoryRoot(), LeanEngine.ThisConfiguration()), project, ["build", project, "-s", .. arguments]);
        return (code, Seconds().Replace(output.Replace(project, "PROJECT", StringComparison.Ordinal), "N.NN s)"));
    }

    [GeneratedRegex(@"\d+\.\d\d s\)")]
    private static partial Regex Seconds();
}
