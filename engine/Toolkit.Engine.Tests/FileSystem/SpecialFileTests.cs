using Toolkit.Engine.Build;
using Toolkit.Engine.Database;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Tests.FileSystem;

/// <summary>
/// issue 10, item 14: a FIFO, a device or a huge sparse file where the engine expects its database or a
/// source is recognised by its kind, size and magic before it is read: no hang, no 4 GB allocation.
/// Real files on disk (a FIFO cannot be faked); Linux only.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-special-").FullName;

    [Fact]
    public void The_probe_tells_the_kinds_apart()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Posix.MakeFifo(Path.Join(_root, "fifo"));
        File.WriteAllText(Path.Join(_root, "file"), "12345");
        File.CreateSymbolicLink(Path.Join(_root, "loop1"), Path.Join(_root, "loop2"));
        File.CreateSymbolicLink(Path.Join(_root, "loop2"), Path.Join(_root, "loop1"));

        Assert.Equal((FileKind.Fifo, 0L), FileProbe.Probe(Path.Join(_root, "fifo")));
        Assert.Equal((FileKind.Regular, 5L), FileProbe.Probe(Path.Join(_root, "file")));
        Assert.Equal(FileKind.Directory, FileProbe.Probe(_root).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Probe("/dev/zero").Kind);
        Assert.Equal(FileKind.Missing, FileProbe.Probe(Path.Join(_root, "nothing")).Kind);
        Assert.Equal(FileKind.LinkLoop, FileProbe.Probe(Path.Join(_root, "loop1")).Kind);
        Assert.Contains("NUL", Assert.Throws<IOException>(() => FileProbe.Probe("a\0b")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo", "FIFO")]
    [InlineData("zero", "character device")]
    [InlineData("sparse", "bad magic")]
    [InlineData("directory", "a directory")]
    public void A_special_or_hostile_database_is_a_warning_and_a_rebuild_quickly(string kind, string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var database = Path.Join(_root, SignatureDatabase.DefaultFileName);
        Make(kind, database);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var loaded = SignatureDatabase.Load(new DiskFileSystem(_root), SignatureDatabase.DefaultFileName);

        Assert.Equal(CheckedFileStatus.Damaged, loaded.Status);
        Assert.Contains(reason, loaded.Warning, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "the body of the file was read");
    }

    [Fact]
    public void A_header_claiming_a_huge_payload_is_refused_before_the_body_is_read()
    {
        var fs = new MemoryFileSystem();
        new SignatureDatabase().Save(fs, "db");
        var bytes = fs.ReadAllBytes("db").ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(12), (ulong)1 << 40);
        fs.WriteAllBytes("db", bytes);

        var loaded = SignatureDatabase.Load(fs, "db");

        Assert.Equal(CheckedFileStatus.Damaged, loaded.Status);
        Assert.Contains("the header claims a payload of 1099511627776 bytes", loaded.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo", "FIFO")]
    [InlineData("zero", "character device")]
    public void A_special_source_fails_its_node_with_one_line(string kind, string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), "toolkit-manifest 2\nbuild out.txt: Copy in.txt\nend\n");
        Make(kind, Path.Join(_root, "in.txt"));
        var reporter = new NullBuildReporter();
        var project = Project.Open(_root, EngineSettings.Baseline, reporter);

        var result = project.Build(null, new BuildOptions { Jobs = 1 }, project.CreateExecutor());

        Assert.False(result.Succeeded);
        var error = Assert.Single(reporter.Errors);
        Assert.Contains("in.txt", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void Make(string kind, string path)
    {
        switch (kind)
        {
            case "fifo":
                Posix.MakeFifo(path);
                break;
            case "zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "sparse":
                using (var stream = new FileStream(path, FileMode.CreateNew))
                {
                    stream.SetLength(1_900_000_000); // sparse: takes no disk space
                }

                break;
        }
    }
}
