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
        var bytes = ValidFile();
        for (int length = 0; length < bytes.Length; length++)
        {
            string path = _dir.File("t.heap");
            File.WriteAllBytes(path, bytes[..length]);
            var error = Assert.Throws<HeapFormatException>(() => HeapGraph.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Matches("truncated|byte|not a heap file", error.Message);
        }
    }

    [Fact]
    public void Every_single_byte_change_loads_or_is_reported()
    {
        var bytes = ValidFile();
        string path = _dir.File("d.heap");
        foreach (byte value in new byte[] { 0x00, 0xFF, 0x7F, 0x80 })
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                var damaged = (byte[])bytes.Clone();
                damaged[i] = value;
                File.WriteAllBytes(path, damaged);
                try
                {
                    var graph = HeapGraph.Load(path);
                    graph.Dominators();
                    HeapQueries.Summarize(graph);
                }
                catch (HeapFormatException)
                {
                }
            }
        }
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
