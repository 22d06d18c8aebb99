using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>A version 3 file parsed in chunks on several threads gives the graph a sequential parse gives, the version 2 file of
/// the same heap included (string pool offsets, roots, segments, unresolved references); damage to its index is refused.</summary>
public sealed class HeapParallelLoadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // A random heap of `objects` objects: classes with 0 to 3 reference fields, strings (few distinct contents, so the pool
    // dedupes across chunks), arrays, collections with counts, references anywhere (some to no object), named roots, segments.
    private static SyntheticHeap RandomHeap(int seed, int objects, ulong spacing = 0x40)
    {
        var random = new Random(seed);
        var heap = new SyntheticHeap(spacing);
        int[] classes = [heap.Class("A"), heap.Class("B", "x"), heap.Class("C", "x", "y", "z"), heap.Class("System.Collections.Generic.List<Int32>", "_items")];
        int str = heap.StringType();
        int arr = heap.ArrayType("System.Object[]", 8);
        int[] classFields = [0, 1, 3, 1];
        var fields = new int[objects];
        for (int i = 0; i < objects; i++)
        {
            int pick = random.Next(6);
            fields[i] = pick < 4 ? classFields[pick] : 0;
            if (pick == 4)
            {
                string text = "s" + random.Next(objects / 4 + 1);
                heap.Object(str, text.Length, text);
            }
            else if (pick == 5)
            {
                heap.Object(arr, random.Next(4));
            }
            else
            {
                heap.Object(classes[pick], 0, null, random.Next(100));
            }
        }
        for (int i = 0; i < objects; i++)
        {
            int refs = random.Next(4);
            for (int r = 0; r < refs; r++)
            {
                heap.Ref(i, random.Next(objects), random.Next(fields[i] + 1));
            }
            if (random.Next(20) == 0)
            {
                heap.Root(i, (HeapRootKind)random.Next(10), random.Next(2) == 0 ? "" : "T.f" + i);
            }
            if (random.Next(50) == 0)
            {
                heap.Segment(i, new HeapSegment(heap.At(i), 0x1000, (HeapGeneration)random.Next(6), i, i * 8L));
            }
        }
        return heap;
    }

    [Theory]
    [InlineData(1, 1000, 64)]
    [InlineData(2, 3000, 128)]
    [InlineData(3, 64, 64)]
    [InlineData(4, 65, 64)]
    [InlineData(5, 0, 64)]
    [InlineData(6, 5000, HeapFileFormat.DefaultChunkObjects)]
    public void Parallel_load_equals_the_sequential_load_of_the_version_2_file(int seed, int objects, int chunkObjects)
    {
        var heap = RandomHeap(seed, objects);
        string v2 = heap.Write(_dir.File("v2.heap"), version: 2);
        string v3 = heap.Write(_dir.File("v3.heap"), version: 3, chunkObjects: chunkObjects);
        var expected = Describe(HeapGraphLoader.Load(v2, null, workers: 1));
        Assert.Equal(objects, expected.Count(line => line.StartsWith("object ", StringComparison.Ordinal)));
        foreach (int workers in new[] { 1, 2, 4 })
        {
            Assert.Equal(expected, Describe(HeapGraphLoader.Load(v3, null, workers)));
        }
        Assert.Equal(expected, Describe(HeapGraphLoader.Load(v2, null, workers: 4)));
    }

    [Fact]
    public void More_high_halves_than_a_byte_codes_load_the_same_in_parallel()
    {
        // One object per 4 GiB range: 300 distinct high halves, past the 256 a byte codes, so the parallel load starts again with whole addresses.
        var heap = RandomHeap(7, 300, spacing: 1UL << 32);
        string v2 = heap.Write(_dir.File("v2.heap"), version: 2);
        string v3 = heap.Write(_dir.File("v3.heap"), version: 3, chunkObjects: 64);
        var expected = Describe(HeapGraphLoader.Load(v2, null, workers: 1));
        Assert.Equal(expected, Describe(HeapGraphLoader.Load(v3, null, workers: 2)));
        Assert.Equal(expected, Describe(HeapGraphLoader.Load(v3, null, workers: 1)));
    }

    [Fact]
    public void Every_single_byte_change_of_a_chunked_file_is_detected()
    {
        // Five chunks of 64 objects: every byte of the index, of a chunk boundary, of the type records after the objects and of the footer's tail offset.
        var bytes = File.ReadAllBytes(RandomHeap(8, 300).Write(_dir.File("valid.heap"), chunkObjects: 64));
        Assert.Empty(HeapFileDamageTests.UndetectedFlips(bytes, _dir.File("d.heap"), path => HeapGraphLoader.Load(path, null, workers: 2)));
    }

    [Fact]
    public void Every_truncation_of_a_chunked_file_is_refused()
    {
        var bytes = File.ReadAllBytes(RandomHeap(9, 200).Write(_dir.File("valid.heap"), chunkObjects: 64));
        HeapFileDamageTests.AssertEveryTruncationRefused(bytes, _dir.File("t.heap"), path => HeapGraphLoader.Load(path, null, workers: 2));
    }

    [Fact]
    public void Version_2_and_3_files_of_one_heap_differ_only_in_layout()
    {
        var heap = RandomHeap(10, 500);
        var v2 = new FileInfo(heap.Write(_dir.File("v2.heap"), version: 2));
        var v3 = new FileInfo(heap.Write(_dir.File("v3.heap"), version: 3, chunkObjects: 64));
        Assert.Equal(2, HeapGraph.Load(v2.FullName).Header.Version);
        Assert.Equal(3, HeapGraph.Load(v3.FullName).Header.Version);
        // The index costs a few bytes per chunk (here 7 entries) and the footer 8 bytes more.
        Assert.InRange(v3.Length - v2.Length, 8 + 3, 8 + 3 + 7 * 12);
    }

    // Everything a load gives, one line per object, root and segment.
    private static List<string> Describe(HeapGraph graph)
    {
        var lines = new List<string> { $"{graph.ObjectCount} objects, {graph.ReferenceCount} references, {graph.UnresolvedReferences} unresolved, {graph.Types.Count} types" };
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            var children = graph.Children(id).ToArray();
            var fields = Enumerable.Range(0, children.Length).Select(p => graph.ChildFieldOrdinal(id, p));
            lines.Add($"object {id} 0x{graph.Address(id):x} type {graph.TypeIndex(id)} size {graph.Size(id)} length {graph.Length(id)} count {graph.Count(id)} "
                + $"string {graph.StringContentId(id)}:{Convert.ToHexString(graph.StringBytes(id))} -> {string.Join(',', children)} fields {string.Join(',', fields)}");
        }
        lines.AddRange(graph.Roots.Select(r => $"root {r.Object.Id} {r.Kind} {r.Name}"));
        lines.AddRange(graph.Segments.Select(s => $"segment {s}"));
        return lines;
    }
}
