using System.Security.Cryptography;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>The writer hands full buffers to a second thread for hashing and writing: a file of many buffers must come out whole,
/// in order, with the checksum of exactly its bytes, and an unfinished one must leave nothing behind.</summary>
public sealed class HeapFileWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_of_many_buffers_reads_back_whole_and_its_checksum_covers_every_byte()
    {
        var heap = new SyntheticHeap(spacing: 0x100);
        int text = heap.StringType();
        const int Strings = 120_000;
        // Distinct, multi-byte contents (é is 2 UTF-8 bytes) of varied lengths: records straddle the buffers at every offset.
        for (int i = 0; i < Strings; i++)
        {
            string contents = Contents(i);
            heap.Object(text, contents.Length, contents);
        }
        heap.Root(0);
        string path = heap.Write(_dir.File("many.heap"));

        byte[] file = File.ReadAllBytes(path);
        Assert.True(file.Length > 4 << 20, $"{file.Length} bytes: not several 1 MiB buffers");
        int tail = HeapFileFormat.ChecksumBytes + HeapFileFormat.EndMagic.Length;
        Assert.Equal(SHA256.HashData(file.AsSpan(0, file.Length - tail)), file.AsSpan(file.Length - tail, HeapFileFormat.ChecksumBytes).ToArray());

        var graph = HeapGraph.Load(path);
        Assert.Equal(Strings, graph.ObjectCount);
        foreach (int i in new[] { 0, 1, 29_999, 65_536, Strings - 1 })
        {
            Assert.Equal(Contents(i), graph.StringValue(graph.FindObject(heap.At(i))));
        }
    }

    private static string Contents(int i) => $"s{i}-é-" + new string((char)('a' + (i % 26)), 12 + (i % 17));

    [Fact]
    public void A_writer_disposed_while_a_buffer_is_being_written_leaves_no_file()
    {
        string path = _dir.File("unfinished.heap");
        using (var writer = new HeapFileWriter(path))
        {
            writer.WriteHeader(true, 256, 8, "synthetic", 0, "test");
            int type = writer.WriteType(new HeapType("System.String", 0x9999, false, true, false, 22, 2, []));
            string contents = new('x', 200);
            for (int i = 0; i < 20_000; i++)
            {
                writer.WriteObject(0x10000 + ((ulong)i * 0x200), type, 422, 200, contents, 0, 0, true, false, true, true);
            }
            Assert.True(writer.BytesWritten > 3 << 20);
        }
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
