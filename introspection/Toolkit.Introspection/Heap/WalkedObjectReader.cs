using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Reads one object for the <see cref="HeapWalker"/>: its size, length, string contents and references with the field holding
/// each, from the segment window when the window holds it (one block, references from the type's GC slots), else through ClrMD
/// one value at a time. Holds one object's references (<see cref="References"/>) and a scratch buffer, reused object after object.
/// </summary>
internal sealed class WalkedObjectReader
{
    // Objects up to this size are read in one block and their references walked from the
    // type's GC descriptor; bigger ones (rare, huge arrays) go through ClrMD's slower enumeration.
    private const int MaxDirectWalkBytes = 1 << 22;

    private readonly ClrRuntime _runtime;
    private readonly SegmentWindow _window;
    private readonly bool _recordStrings;
    private readonly char[] _chars;
    private byte[] _objectBytes = new byte[4096];

    public WalkedObjectReader(ClrRuntime runtime, SegmentWindow window, HeapCaptureOptions options)
    {
        _runtime = runtime;
        _window = window;
        _recordStrings = options.RecordStringContents;
        _chars = new char[Math.Clamp(options.MaxStringChars, 0, HeapFileFormat.MaxStringCharsLimit)];
    }

    /// <summary>The references of the object last read, with the field ordinal holding each.</summary>
    public List<(ulong Address, int Field)> References { get; } = [];

    /// <summary>The most characters of a string's contents recorded.</summary>
    public int MaxStringChars => _chars.Length;

    /// <summary>Objects whose bytes came from the segment window.</summary>
    public long WindowObjects { get; private set; }

    /// <summary>Size, length, string contents and references of the object at <paramref name="address"/> from the segment window,
    /// computed as ClrMD computes them (<c>ClrObject.Size</c>: base size plus count times component size, a string's count plus one
    /// for its terminator, at least three pointers; no alignment). False when the window cannot hold the object.
    /// The contents are a view of the window (valid until its next read): no string is made per object. A counted collection's count
    /// comes from the same bytes (<see cref="WalkedCount"/>).</summary>
    public bool TryReadFromWindow(ulong address, WalkedType entry, int pointerSize, out ulong size, out long length, out ReadOnlySpan<char> contents, out long count)
    {
        size = 0;
        length = 0;
        contents = default;
        count = 0;
        int header = 2 * pointerSize;
        if (!_window.TryGet(address, header, out var head))
        {
            return false;
        }
        if (entry.ComponentSize != 0 && (entry.Type.IsString || entry.Type.IsArray))
        {
            length = BitConverter.ToInt32(head[pointerSize..]);
        }
        size = entry.ObjectSize(head, pointerSize);
        if (size > MaxDirectWalkBytes || !_window.TryGet(address, (int)size, out var bytes))
        {
            return false;
        }
        if (entry.Type.IsString && _recordStrings)
        {
            int chars = (int)Math.Clamp(length, 0, Math.Min(_chars.Length, ((long)size - pointerSize - 4) / 2));
            contents = MemoryMarshal.Cast<byte, char>(bytes.Slice(pointerSize + 4, chars * 2));
        }
        if (entry.Type.HasCount && !entry.Counted.TryRead(bytes, pointerSize, out count))
        {
            return false;
        }
        if (entry.ContainsPointers)
        {
            var sink = new ReferenceSink(References, entry, pointerSize);
            if (entry.Slots is null || !entry.Slots.Walk(bytes, (int)size, ref sink))
            {
                References.Clear();
                return false;
            }
        }
        WindowObjects++;
        return true;
    }

    /// <summary>Adds each reference the descriptor walk finds, with the field holding it (none for array elements).</summary>
    private readonly struct ReferenceSink(List<(ulong Address, int Field)> references, WalkedType entry, int pointerSize) : ISlotSink
    {
        public void Add(ulong reference, int offset) =>
            references.Add((reference, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(offset - pointerSize)));
    }

    /// <summary>The plain path, one ClrMD read per value: for objects the window cannot hold (huge arrays, memory missing from the dump).</summary>
    public ulong ReadThroughClrMd(ClrObject obj, ClrType type, WalkedType entry, int pointerSize, out long length, out ReadOnlySpan<char> contents)
    {
        References.Clear();
        length = 0;
        contents = default;
        if (entry.Type.IsString)
        {
            length = _runtime.DataTarget.DataReader.Read<int>(obj.Address + (ulong)pointerSize);
            if (_recordStrings)
            {
                contents = ReadString(obj.Address + (ulong)pointerSize + 4, (int)Math.Min(length, _chars.Length));
            }
        }
        else if (entry.Type.IsArray)
        {
            length = obj.AsArray().Length;
        }
        ulong size = obj.Size;
        if (obj.ContainsPointers)
        {
            AddReferences(obj, type, entry, size, pointerSize);
        }
        return size;
    }

    /// <summary>The element count of a counted collection, from its <c>_size</c>, <c>_count</c> less <c>_freeCount</c>, or <c>m_ChunkLength</c>.</summary>
    public static long ReadCount(ClrObject obj)
    {
        if (obj.TryReadField<int>("_size", out int size))
        {
            return size;
        }
        if (obj.TryReadField<int>("_count", out int count))
        {
            return obj.TryReadField<int>("_freeCount", out int free) ? count - free : count;
        }
        if (obj.TryReadField<int>("m_ChunkLength", out int chunk))
        {
            return chunk;
        }
        return 0;
    }

    private void AddReferences(ClrObject obj, ClrType type, WalkedType entry, ulong size, int pointerSize)
    {
        var desc = type.GCDesc;
        if (!desc.IsEmpty && size <= MaxDirectWalkBytes)
        {
            if (_objectBytes.Length < (int)size)
            {
                _objectBytes = new byte[Math.Max((int)size, _objectBytes.Length * 2)];
            }
            if (_runtime.DataTarget.DataReader.Read(obj.Address, _objectBytes.AsSpan(0, (int)size)) == (int)size)
            {
                AddWalkedReferences(entry, (int)size, pointerSize);
                return;
            }
        }
        foreach (var reference in obj.EnumerateReferencesWithFields(carefully: false, considerDependantHandles: false))
        {
            if (reference.Object.Address != 0)
            {
                References.Add((reference.Object.Address, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(reference.Offset)));
            }
        }
    }

    /// <summary>The references in the object bytes at the start of the scratch buffer, from the type's GC descriptor.</summary>
    private void AddWalkedReferences(WalkedType entry, int size, int pointerSize)
    {
        // Offsets from the GC descriptor count from the object start; field offsets from after the method table pointer.
        foreach (var (reference, offset) in entry.Desc.WalkObject(_objectBytes, size))
        {
            if (reference != 0)
            {
                References.Add((reference, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(offset - pointerSize)));
            }
        }
    }

    /// <summary>Up to <paramref name="chars"/> characters at <paramref name="address"/>, in the scratch buffer (valid until the next call).</summary>
    private ReadOnlySpan<char> ReadString(ulong address, int chars)
    {
        if (chars <= 0)
        {
            return default;
        }
        var bytes = MemoryMarshal.AsBytes(_chars.AsSpan(0, chars));
        int read = _runtime.DataTarget.DataReader.Read(address, bytes);
        return _chars.AsSpan(0, Math.Max(0, read) / 2);
    }
}
