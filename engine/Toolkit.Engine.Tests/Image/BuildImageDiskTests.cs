using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Image;

namespace Toolkit.Engine.Tests.Image;

/// <summary>
/// The build image on a real disk: mapped with MemoryMappedFile, paths stat'ed by <see cref="NativeStat"/>, the manifest
/// hashed from its file. A manifest edit that keeps its size and modification time must still invalidate the image.
/// </summary>
public sealed class BuildImageDiskTests : IDisposable
{
    private static readonly EngineSettings Settings = new() { BuildImage = true };
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-image-").FullName;

    [Fact]
    public void The_native_stat_gives_what_the_managed_stat_gives()
    {
        File.WriteAllText(Path.Join(_root, "plain.c"), "int x;\n");
        Directory.CreateDirectory(Path.Join(_root, "dé_ünï"));
        File.WriteAllText(Path.Join(_root, "dé_ünï", "ебене.h"), "#pragma once\n");
        File.CreateSymbolicLink(Path.Join(_root, "link.c"), Path.Join(_root, "plain.c"));
        File.CreateSymbolicLink(Path.Join(_root, "broken.c"), Path.Join(_root, "nowhere.c"));
        File.CreateSymbolicLink(Path.Join(_root, "folder"), Path.Join(_root, "dé_ünï"));
        var disk = new DiskFileSystem(_root);
        foreach (var path in new[] { "plain.c", "dé_ünï/ебене.h", "dé_ünï", "link.c", "broken.c", "folder", "missing.c", "plain.c/below", Path.Join(_root, "plain.c") })
        {
            Assert.True(disk.Stat(path) == disk.StatUtf8(System.Text.Encoding.UTF8.GetBytes(path)), path);
        }
    }

    [Fact]
    public void A_null_build_is_answered_from_the_mapped_image_until_the_manifest_changes_with_its_size_and_time_kept()
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nCFLAGS = -O1\nbuild a.o: Object a.c\nbuild b.o: Object b.c\ndefault a.o b.o\nend\n");
        Write("a.c", "#include \"a.h\"\nint a;\n");
        Write("a.h", "#pragma once\n");
        Write("b.c", "int b;\n");
        Assert.Equal(2, Build().Executed);
        AgeEveryFile(); // older than the image by far: no stamp is racy
        Assert.Equal(0, Build().Executed); // loads, and writes the image
        Assert.True(File.Exists(Path.Join(_root, BuildImage.FileName)));

        Assert.Equal(ImageOutcome.UpToDate, Check(out var result, out var paths));
        Assert.Equal(new BuildResult(5, 0, 5, 0, 0, false, TimeSpan.Zero), result); // two sources, a header, two objects
        Assert.True(paths >= 5, $"{paths} paths checked: the sources, the header and the objects at least");

        var manifest = Path.Join(_root, "toolkit.manifest");
        var time = File.GetLastWriteTimeUtc(manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("-O1", "-O2", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(manifest, time);
        Assert.Equal(ImageOutcome.InputsChanged, Check(out _, out _));
        Assert.Equal(2, Build().Executed);
        Assert.False(File.Exists(Path.Join(_root, BuildImage.FileName)), "a build that ran actions leaves no image");
    }

    [Fact]
    public void A_touched_header_a_deleted_output_and_a_fresh_file_are_changes()
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\ndefault a.o\nend\n");
        Write("a.c", "#include \"a.h\"\nint a;\n");
        Write("a.h", "#pragma once\n");
        Build();
        AgeEveryFile();
        Build();
        Assert.Equal(ImageOutcome.UpToDate, Check(out _, out _));

        File.SetLastWriteTimeUtc(Path.Join(_root, "a.h"), DateTime.UtcNow.AddSeconds(-5));
        Assert.Equal(ImageOutcome.FileChanged, Check(out _, out _));
        Build();
        Assert.Equal(ImageOutcome.UpToDate, Check(out _, out _));

        File.SetLastWriteTimeUtc(Path.Join(_root, "a.c"), DateTime.UtcNow.AddMinutes(5)); // newer than the image: racy even if the stamp matched
        Assert.NotEqual(ImageOutcome.UpToDate, Check(out _, out _));
        Build();
        AgeEveryFile();
        Build();
        File.Delete(Path.Join(_root, "a.o"));
        Assert.Equal(ImageOutcome.FileChanged, Check(out _, out _));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ImageOutcome Check(out BuildResult result, out int paths) =>
        ImageCheck.Run(new DiskFileSystem(_root), Project.HashManifest(Path.Join(_root, "toolkit.manifest")), Settings, new NullBuildReporter(), out result, out paths);

    private BuildResult Build() =>
        Project.Open(_root, Settings, new NullBuildReporter()).Build(null, new BuildOptions(), new BuiltinToolExecutor());

    private void Write(string path, string text) => File.WriteAllText(Path.Join(_root, path), text);

    private void AgeEveryFile()
    {
        foreach (var file in Directory.EnumerateFiles(_root))
        {
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(-10));
        }
    }
}
