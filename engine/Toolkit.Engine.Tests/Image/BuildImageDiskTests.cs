using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Image;

namespace Toolkit.Engine.Tests.Image;

/// <summary>
/// The build image on a real disk: read through its window, paths stat'ed by <see cref="NativeStat"/>, the manifest
/// hashed from its file. A manifest edit that keeps its size and modification time must still invalidate the image.
/// A build that ran actions writes one too (with its outputs' stats as they were after their commands); one that
/// failed or was interrupted writes none.
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
        Assert.Equal(2, Build(new AgingExecutor(_root)).Executed);
        Assert.Equal(ImageOutcome.UpToDate, Check(out result, out _)); // the build that ran both actions wrote the image
        Assert.Equal(new BuildResult(5, 0, 5, 0, 0, false, TimeSpan.Zero), result);
    }

    [Fact]
    public void After_a_full_build_the_next_null_build_is_served_by_the_image_until_a_source_changes()
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\nbuild b.o: Object b.c\nbuild lib.a: Library a.o b.o\ndefault lib.a\nend\n");
        Write("a.c", "#include \"a.h\"\nint a;\n");
        Write("a.h", "#pragma once\n");
        Write("b.c", "int b;\n");
        AgeEveryFile();
        Assert.Equal(3, Build(new AgingExecutor(_root)).Executed);
        Assert.Equal(ImageOutcome.UpToDate, Check(out var result, out var paths));
        Assert.Equal(new BuildResult(6, 0, 6, 0, 0, false, TimeSpan.Zero), result); // two sources, a header, two objects, the archive
        Assert.True(paths >= 6, $"{paths} paths checked: the outputs the build wrote among them");

        File.AppendAllText(Path.Join(_root, "b.c"), "int c;\n");
        File.SetLastWriteTimeUtc(Path.Join(_root, "b.c"), DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(ImageOutcome.FileChanged, Check(out _, out _));
        Assert.Equal(2, Build(new AgingExecutor(_root)).Executed); // b.o and the archive
        Assert.Equal(ImageOutcome.UpToDate, Check(out _, out _));
    }

    [Fact]
    public void An_output_changed_after_its_command_ran_is_a_change()
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\ndefault a.o\nend\n");
        Write("a.c", "int a;\n");
        AgeEveryFile();
        Build(new AgingExecutor(_root));
        Assert.Equal(ImageOutcome.UpToDate, Check(out _, out _));
        File.SetLastWriteTimeUtc(Path.Join(_root, "a.o"), DateTime.UtcNow.AddMinutes(-3));
        Assert.Equal(ImageOutcome.FileChanged, Check(out _, out _));
    }

    [Fact]
    public void A_failed_or_interrupted_build_writes_no_image()
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\nbuild b.o: Object b.c\ndefault a.o b.o\nend\n");
        Write("a.c", "#error broken\n");
        Write("b.c", "int b;\n");
        AgeEveryFile();
        var failed = Project.Open(_root, Settings, new NullBuildReporter()).Build(null, new BuildOptions { KeepGoing = true, Jobs = 1 }, new AgingExecutor(_root));
        Assert.Equal((1, 1), (failed.Failed, failed.Executed));
        Assert.Equal(ImageOutcome.Missing, Check(out _, out _));

        Write("a.c", "int a;\n");
        AgeEveryFile();
        using var stop = new CancellationTokenSource();
        var interrupted = Project.Open(_root, Settings, new NullBuildReporter()).Build(null, new BuildOptions { Jobs = 1, Cancellation = stop.Token }, new AgingExecutor(_root, stop));
        Assert.True(interrupted.Interrupted, $"{interrupted}: the build was not interrupted");
        Assert.Equal(ImageOutcome.Missing, Check(out _, out _));
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

    [Theory]
    [InlineData("fifo", "it is a FIFO (a named pipe), not a regular file")]
    [InlineData("loop", "it is a loop of symbolic links, not a regular file")]
    [InlineData("absolute-loop", "it is a loop of symbolic links, not a regular file")]
    [InlineData("empty", "truncated")]
    public void Something_other_than_an_image_at_its_name_is_named_and_the_build_loads(string what, string reason)
    {
        Write("toolkit.manifest", "toolkit-manifest 2\nbuild a.o: Object a.c\ndefault a.o\nend\n");
        Write("a.c", "int a;\n");
        Build();
        var image = Path.Join(_root, BuildImage.FileName);
        File.Delete(image);
        switch (what)
        {
            case "fifo":
                Posix.MakeFifo(image);
                break;
            case "loop":
                File.CreateSymbolicLink(image, BuildImage.FileName); // relative: a short link, as a user's `ln -s` makes it
                break;
            case "absolute-loop":
                File.CreateSymbolicLink(image, image); // a long link: its size passes the length check, the open fails
                break;
            default:
                File.WriteAllBytes(image, []);
                break;
        }

        var reporter = new NullBuildReporter();
        Assert.Equal(ImageOutcome.Damaged, ImageCheck.Run(new DiskFileSystem(_root), Project.HashManifest(Path.Join(_root, "toolkit.manifest")), Settings, reporter, out _, out _));
        Assert.Equal($"build image '{BuildImage.FileName}' is damaged ({reason}); ignoring it and loading the project", Assert.Single(reporter.Warnings));
        Assert.Equal(0, Build().Executed);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ImageOutcome Check(out BuildResult result, out int paths) =>
        ImageCheck.Run(new DiskFileSystem(_root), Project.HashManifest(Path.Join(_root, "toolkit.manifest")), Settings, new NullBuildReporter(), out result, out paths);

    private BuildResult Build(IActionExecutor? executor = null) =>
        Project.Open(_root, Settings, new NullBuildReporter()).Build(null, new BuildOptions(), executor ?? new BuiltinToolExecutor());

    private void Write(string path, string text) => File.WriteAllText(Path.Join(_root, path), text);

    private void AgeEveryFile()
    {
        foreach (var file in Directory.EnumerateFiles(_root))
        {
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(-10));
        }
    }

    /// <summary>
    /// The built-in tool, then each target's time set ten minutes back (before the engine stats it), so that no output is
    /// racy against the image written right after the build; with <paramref name="stop"/>, cancels it after the first action.
    /// </summary>
    private sealed class AgingExecutor(string root, CancellationTokenSource? stop = null) : IActionExecutor
    {
        private readonly BuiltinToolExecutor _inner = new();

        public string Name => "aging";

        public ActionOutcome Execute(ActionRequest request)
        {
            var outcome = _inner.Execute(request);
            foreach (var target in request.Targets)
            {
                var path = Path.Join(root, target);
                if (File.Exists(path))
                {
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
                }
            }

            stop?.Cancel();
            return outcome;
        }
    }
}
