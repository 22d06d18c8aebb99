using System.Text;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.FileSystem;

/// <summary>
/// The disk's stat and read without a managed object per file (<see cref="NativeFiles"/> behind <see cref="DiskFileSystem"/>)
/// answer exactly as .NET's <see cref="FileInfo"/> and <see cref="File.ReadAllBytes(string)"/> do, on every kind of
/// path the scanner meets: a stamp that differed would make every file look changed to the signature database and
/// the dependency log. Real files on disk; the special kinds on Linux only.
/// </summary>
public sealed class NativeFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-native-").FullName;

    [Fact]
    public void A_stat_is_the_stamp_file_info_gives_for_every_kind_of_path()
    {
        File.WriteAllText(Path.Join(_root, "file.h"), "#include \"x.h\"\n");
        File.SetLastWriteTimeUtc(Path.Join(_root, "file.h"), new DateTime(2020, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567));
        Directory.CreateDirectory(Path.Join(_root, "dir"));
        File.WriteAllText(Path.Join(_root, "dir", "ünïcode name.h"), "x");
        var names = new List<string> { "file.h", "dir", "dir/ünïcode name.h", "missing.h", "file.h/under-a-file.h", "nowhere/x.h", "dir/../file.h", "/dev/null" };
        if (OperatingSystem.IsLinux())
        {
            Posix.MakeFifo(Path.Join(_root, "fifo"));
            File.CreateSymbolicLink(Path.Join(_root, "link.h"), "file.h");
            File.CreateSymbolicLink(Path.Join(_root, "dangling.h"), "gone.h");
            File.CreateSymbolicLink(Path.Join(_root, "dirlink"), "dir");
            names.AddRange(["fifo", "link.h", "dangling.h", "dirlink", "dirlink/ünïcode name.h"]);
        }

        var files = new DiskFileSystem(_root);
        foreach (var name in names)
        {
            var info = new FileInfo(files.FullPath(name));
            var expected = info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : FileStamp.Missing;
            Assert.True(expected == files.Stat(name), $"{name}: {files.Stat(name)}, FileInfo says {expected}");
        }

        Assert.Equal(new DateTime(2020, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567).Ticks, files.Stat("file.h").ModifiedTicks);
    }

    [Fact]
    public void A_read_into_a_buffer_gives_the_bytes_and_grows_the_buffer_past_its_size()
    {
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("#include \"a.h\"\n", 5_000)));
        File.WriteAllBytes(Path.Join(_root, "large.c"), large);
        File.WriteAllText(Path.Join(_root, "small.c"), "int x;\n");
        File.WriteAllText(Path.Join(_root, "empty.c"), string.Empty);
        var files = new DiskFileSystem(_root);
        var buffer = new byte[16];

        var length = files.ReadInto("large.c", ref buffer);
        Assert.True(buffer.Length >= large.Length, $"the buffer has {buffer.Length} bytes");
        Assert.Equal(large, buffer.AsSpan(0, length).ToArray());
        var grown = buffer;
        length = files.ReadInto("small.c", ref buffer);
        Assert.Same(grown, buffer);
        Assert.Equal("int x;\n", Encoding.UTF8.GetString(buffer, 0, length));
        Assert.Equal(0, files.ReadInto("empty.c", ref buffer));
        Assert.Throws<FileNotFoundException>(() => files.ReadInto("missing.c", ref buffer));
        Assert.Throws<IOException>(() => files.ReadInto("/dev/zero", ref buffer));
    }

    [Fact]
    public void A_read_through_a_link_or_of_a_fifo_is_refused_or_read_as_before()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.WriteAllText(Path.Join(_root, "target.h"), "#pragma once\n");
        File.CreateSymbolicLink(Path.Join(_root, "link.h"), "target.h");
        Posix.MakeFifo(Path.Join(_root, "fifo.h"));
        var files = new DiskFileSystem(_root);
        var buffer = new byte[64];

        var length = files.ReadInto("link.h", ref buffer);
        Assert.Equal("#pragma once\n", Encoding.UTF8.GetString(buffer, 0, length));
        Assert.Contains("FIFO", Assert.Throws<IOException>(() => files.ReadInto("fifo.h", ref buffer)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
