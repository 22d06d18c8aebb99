using Microsoft.Diagnostics.Runtime;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>The walk that reads segments in blocks (<see cref="SegmentWindow"/>) writes exactly what the plain ClrMD walk writes:
/// same objects, sizes, lengths, string contents, references and their fields, byte for byte.</summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed class HeapWindowWalkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // "mixed" holds lists, dictionaries and hash sets: their counts come from the window's bytes in the fast walk.
    [Theory]
    [InlineData("shapes")]
    [InlineData("mixed")]
    public void Window_walk_writes_the_same_file_as_the_plain_ClrMD_walk(string shape)
    {
        string dump = _dir.File("target.core");
        using (var target = new HeapTargetProcess(shape))
        {
            MixedHeapFixture.WriteDump(target.Id, dump);
        }
        var (fast, fastWindowObjects, resumed) = Walk(dump, "fast.heap", plain: false);
        var (plain, plainWindowObjects, _) = Walk(dump, "plain.heap", plain: true);
        var graph = HeapGraph.Load(fast);
        Assert.Contains(Enumerable.Range(0, graph.ObjectCount), id => graph.TypeOf(id).HasCount && graph.Count(id) > 0);

        Assert.Equal(0, plainWindowObjects);
        Assert.Equal(0, resumed); // every segment walked from the window, none handed back to ClrMD
        // Nearly every object comes from the window (only huge ones or memory missing from the dump go through ClrMD).
        Assert.True(fastWindowObjects * 100 >= graph.ObjectCount * 99, $"{fastWindowObjects} of {graph.ObjectCount} objects from the window");
        byte[] a = File.ReadAllBytes(fast);
        byte[] b = File.ReadAllBytes(plain);
        Assert.Equal(b.Length, a.Length);
        // The header's capture time and the checksum differ; every record between them must be identical.
        int headerEnd = HeaderLength(a);
        Assert.Equal(HeaderLength(b), headerEnd);
        int end = a.Length - HeapFileFormat.ChecksumBytes - 8;
        int firstDifference = Enumerable.Range(headerEnd, end - headerEnd).FirstOrDefault(i => a[i] != b[i], -1);
        Assert.Equal(-1, firstDifference);
    }

    private (string Path, long WindowObjects, int Resumed) Walk(string dump, string name, bool plain)
    {
        string path = _dir.File(name);
        using var dataTarget = DataTarget.LoadDump(dump);
        using var runtime = HeapSnapshot.CreateRuntime(dataTarget.ClrVersions[0]);
        using var writer = new HeapFileWriter(path);
        var walker = new HeapWalker(runtime, new HeapCaptureOptions()) { PlainWalk = plain };
        walker.Write(writer, "dump", 0, "test");
        return (path, walker.WindowObjects, walker.ResumedSegments);
    }

    /// <summary>Bytes up to and including the header's runtime version, the last header field (docs/heap-file-format.md).</summary>
    private static int HeaderLength(byte[] file)
    {
        int at = HeapFileFormat.Magic.Length;
        for (int field = 0; field < 4; field++)
        {
            SkipVar(file, ref at); // version, flags, max string chars, pointer size
        }
        SkipString(file, ref at); // source
        SkipVar(file, ref at); // process id
        SkipVar(file, ref at); // capture time
        SkipString(file, ref at); // runtime version
        return at;
    }

    private static ulong SkipVar(byte[] file, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = file[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static void SkipString(byte[] file, ref int at)
    {
        int length = (int)SkipVar(file, ref at);
        at += length;
    }
}
