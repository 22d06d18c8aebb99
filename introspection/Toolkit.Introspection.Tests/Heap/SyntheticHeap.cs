using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Writes small heap files of a given shape with <see cref="HeapFileWriter"/>, for tests that need no process.</summary>
public sealed class SyntheticHeap(ulong spacing = 0x40)
{
    private const ulong FirstAddress = 0x10000;

    // Every synthetic object gets its own 64-byte slot, so sizes up to 64 never overlap.
    private const ulong Slot = 0x40;

    private readonly List<HeapType> _types = [];
    private readonly List<(int Type, long Length, string? Text, long Count, List<(int Target, int Field)> Refs)> _objects = [];
    private readonly List<(HeapRootKind Kind, int Id, string Name)> _roots = [];
    private readonly List<(int After, HeapSegment Segment)> _segments = [];

    /// <summary>A class with reference fields named <paramref name="fields"/> (8 bytes each), base size 16 + 8 per field, at least 24.</summary>
    public int Class(string name, params string[] fields)
    {
        var list = fields.Select((f, i) => new HeapField(f, i * 8, 8, true, false)).ToArray();
        _types.Add(new HeapType(name, (ulong)(_types.Count + 1) * 0x100, false, false, name.StartsWith("System.Collections.Generic.", StringComparison.Ordinal),
            Math.Max(24, 16 + 8 * fields.Length), 0, list));
        return _types.Count - 1;
    }

    public int Type(HeapType type)
    {
        _types.Add(type);
        return _types.Count - 1;
    }

    public int ArrayType(string name, int componentSize) =>
        Type(new HeapType(name, (ulong)(_types.Count + 1) * 0x100, true, false, false, 24, componentSize, []));

    public int StringType() => Type(new HeapType("System.String", 0x9999, false, true, false, 22, 2, []));

    public int Object(int type, long length = 0, string? text = null, long count = 0)
    {
        _objects.Add((type, length, text, count, []));
        return _objects.Count - 1;
    }

    /// <summary>Adds a reference from <paramref name="from"/> to <paramref name="to"/> held by field ordinal <paramref name="field"/> (1-based; 0 = array element).</summary>
    public void Ref(int from, int to, int field = 1) => _objects[from].Refs.Add((to, field));

    public void Root(int id, HeapRootKind kind = HeapRootKind.StrongHandle, string name = "") => _roots.Add((kind, id, name));

    /// <summary>A segment record written right after object <paramref name="after"/> (as a capture writes one after its segment's objects).</summary>
    public void Segment(int after, HeapSegment segment) => _segments.Add((after, segment));

    public static ulong AddressOf(int id) => FirstAddress + (ulong)id * Slot;

    /// <summary>Where object <paramref name="id"/> is written: <see cref="AddressOf"/> unless the heap was made with another spacing
    /// (e.g. one 4 GiB range and more per object, to spread the addresses' high halves).</summary>
    public ulong At(int id) => FirstAddress + (ulong)id * spacing;

    public long SizeOf(int id)
    {
        var o = _objects[id];
        var t = _types[o.Type];
        return t.BaseSize + (t.IsArrayOrString ? o.Length * t.ComponentSize : 0);
    }

    /// <summary>Writes the heap in format <paramref name="version"/>, version 3 with a chunk index entry every <paramref name="chunkObjects"/> objects.</summary>
    public string Write(string path, bool stringContents = true, int version = HeapFileFormat.Version, int chunkObjects = HeapFileFormat.DefaultChunkObjects)
    {
        using var writer = new HeapFileWriter(path, version, chunkObjects);
        writer.WriteHeader(stringContents, 256, 8, "synthetic", 0, "test");
        var written = new bool[_types.Count];
        for (int id = 0; id < _objects.Count; id++)
        {
            var o = _objects[id];
            var t = _types[o.Type];
            if (!written[o.Type])
            {
                // Types must be numbered in order of definition: write all up to this one.
                for (int k = 0; k <= o.Type; k++)
                {
                    if (!written[k])
                    {
                        writer.WriteType(_types[k]);
                        written[k] = true;
                    }
                }
            }
            writer.WriteObject(At(id), o.Type, (ulong)SizeOf(id), o.Length, o.Text, o.Count, o.Refs.Count, t.IsArrayOrString, t.HasCount, t.IsString, stringContents);
            foreach (var (target, field) in o.Refs)
            {
                writer.WriteReference(At(id), At(target), field, !t.IsArray);
            }
            foreach (var (_, segment) in _segments.Where(s => s.After == id))
            {
                writer.WriteSegment(segment);
            }
        }
        foreach (var (kind, id, name) in _roots)
        {
            writer.WriteRoot(kind, At(id), name);
        }
        writer.Finish();
        return path;
    }
}
