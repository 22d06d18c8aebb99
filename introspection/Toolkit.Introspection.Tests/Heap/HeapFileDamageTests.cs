using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>A truncated, damaged or hostile heap file gives a <see cref="HeapFormatException"/> naming where it broke: never another exception, a huge allocation or a hang.</summary>
public sealed class HeapFileDamageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private byte[] ValidFile()
    {
        var heap = new SyntheticHeap();
        int node = heap.Class("Node", "next", "name");
        int str = heap.StringType();
        int arr = heap.ArrayType("System.Object[]", 8);
        int a = heap.Object(node), s = heap.Object(str, 5, "hello"), b = heap.Object(node), array = heap.Object(arr, 2);
        heap.Ref(a, b, 1);
        heap.Ref(a, s, 2);
        heap.Ref(array, a, 0);
        heap.Ref(array, b, 0);
        heap.Root(array);
        return File.ReadAllBytes(heap.Write(_dir.File("valid.heap")));
    }

    [Fact]
    public void Valid_file_loads()
    {
        File.WriteAllBytes(_dir.File("v.heap"), ValidFile());
        var graph = HeapGraph.Load(_dir.File("v.heap"));
        Assert.Equal(4, graph.ObjectCount);
        Assert.Equal("hello", graph.StringValue(1));
        Assert.Equal(32, graph.Size(0));
        Assert.Equal(32, graph.Size(1));
        Assert.Equal(40, graph.Size(3));
    }

    [Fact]
    public void Every_truncation_is_reported_with_its_offset()
    {
        AssertEveryTruncationRefused(ValidFile(), _dir.File("t.heap"), path => HeapGraph.Load(path));
    }

    /// <summary>Every prefix of <paramref name="bytes"/>, written to <paramref name="path"/>, is refused by <paramref name="load"/>, naming where.</summary>
    internal static void AssertEveryTruncationRefused(byte[] bytes, string path, Action<string> load)
    {
        for (int length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(path, bytes[..length]);
            var error = Assert.Throws<HeapFormatException>(() => load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Matches("truncated|byte \\d+|not a heap file", error.Message);
        }
    }

    [Fact]
    public void Every_single_byte_change_is_detected()
    {
        // The format has no padding: every byte is a tag, a value, the checksum or a magic, so every change must be refused.
        Assert.Empty(UndetectedFlips(ValidFile(), _dir.File("d.heap"), path => HeapGraph.Load(path)));
    }

    /// <summary>The single-byte changes (each byte ^ 0x01, 0x80, 0xFF) of <paramref name="bytes"/> that <paramref name="load"/> accepts;
    /// every refusal must be one line naming <paramref name="path"/>.</summary>
    internal static List<string> UndetectedFlips(byte[] bytes, string path, Action<string> load)
    {
        var undetected = new List<string>();
        foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                var damaged = (byte[])bytes.Clone();
                damaged[i] ^= mask;
                File.WriteAllBytes(path, damaged);
                try
                {
                    load(path);
                    undetected.Add($"byte {i} ^ 0x{mask:x2}");
                }
                catch (HeapFormatException e)
                {
                    Assert.Contains(path, e.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain('\n', e.Message);
                }
            }
        }
        return undetected;
    }

    [Fact]
    public async Task Fifo_and_devices_are_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string fifo = _dir.File("pipe.heap");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }
        // A hang guard, not a timing threshold: the load either fails at once or blocks for ever.
        var load = Task.Run(() => HeapGraph.Load(fifo));
        Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromMinutes(1))));
        Assert.Contains("not a heap file", Assert.IsType<HeapFormatException>(load.Exception!.InnerException).Message, StringComparison.Ordinal);
        Assert.Contains("not a heap file", Assert.Throws<HeapFormatException>(() => HeapGraph.Load("/dev/zero")).Message, StringComparison.Ordinal);
        string loop = _dir.File("loop.heap");
        File.CreateSymbolicLink(loop, loop);
        Assert.Matches("cannot open|not a heap file", Assert.Throws<HeapFormatException>(() => HeapGraph.Load(loop)).Message);
    }

    [Fact]
    public void Writing_onto_a_symlink_replaces_the_link_and_leaves_its_target_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string victim = _dir.File("victim.txt");
        File.WriteAllText(victim, "keep me");
        string link = _dir.File("out.heap");
        File.CreateSymbolicLink(link, victim);
        new SyntheticHeap().Write(link);
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(link));
        Assert.Equal(0, HeapGraph.Load(link).ObjectCount);
        Assert.Equal(["out.heap", "victim.txt"], Directory.GetFiles(_dir.Info.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Other_version_is_named()
    {
        var bytes = ValidFile();
        bytes[8] = 9;
        File.WriteAllBytes(_dir.File("v9.heap"), bytes);
        var error = Assert.Throws<HeapFormatException>(() => HeapGraph.Load(_dir.File("v9.heap")));
        Assert.Contains("version 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_claiming_huge_counts_is_rejected_before_allocating()
    {
        var bytes = ValidFile();
        int footer = bytes.Length - HeapFileFormat.FooterBytes;
        BitConverter.TryWriteBytes(bytes.AsSpan(footer, 8), (long)int.MaxValue - 1);
        File.WriteAllBytes(_dir.File("huge.heap"), bytes);
        var error = Assert.Throws<HeapFormatException>(() => HeapGraph.Load(_dir.File("huge.heap")));
        Assert.Contains("damaged footer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_other_formats_are_named()
    {
        Assert.Contains("cannot open", Assert.Throws<HeapFormatException>(() => HeapGraph.Load(_dir.File("none.heap"))).Message, StringComparison.Ordinal);
        File.WriteAllText(_dir.File("text.heap"), new string('x', 100));
        Assert.Contains("bad magic", Assert.Throws<HeapFormatException>(() => HeapGraph.Load(_dir.File("text.heap"))).Message, StringComparison.Ordinal);
    }
}
