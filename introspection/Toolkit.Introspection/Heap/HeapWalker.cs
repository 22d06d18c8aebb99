using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Walks a ClrMD heap segment by segment in address order and streams every object, its
/// references, the GC roots (with the names of static fields) and the segments with their free
/// space to a <see cref="HeapFileWriter"/>. Holds only the type table and one object's
/// references at a time.
/// </summary>
public sealed class HeapWalker
{
    // Objects up to this size are read in one block and their references walked from the
    // type's GC descriptor; bigger ones (rare, huge arrays) go through ClrMD's slower enumeration.
    private const int MaxDirectWalkBytes = 1 << 22;

    private readonly ClrRuntime _runtime;
    private readonly Dictionary<ulong, List<ulong>> _dependents = [];
    private byte[] _objectBytes = new byte[4096];
    private readonly HeapCaptureOptions _options;
    private readonly Dictionary<ulong, TypeEntry> _types = [];
    private readonly List<(ulong Address, int Field)> _references = [];
    private readonly char[] _chars;
    private readonly SegmentWindow _window;
    private TypeEntry? _freeEntry;
    private Dictionary<ulong, ulong>? _contexts;

    public HeapWalker(ClrRuntime runtime, HeapCaptureOptions options)
    {
        _runtime = runtime;
        _options = options;
        _chars = new char[Math.Clamp(options.MaxStringChars, 0, HeapFileFormat.MaxStringCharsLimit)];
        _window = new SegmentWindow(runtime.DataTarget.DataReader);
    }

    /// <summary>Reads every object through ClrMD one value at a time, as before the segment window: the reference the fast walk is checked against.</summary>
    public bool PlainWalk { get; init; }

    /// <summary>Objects whose bytes came from the segment window (the rest were read through ClrMD one by one).</summary>
    public long WindowObjects { get; private set; }

    /// <summary>Segments the block walk could not finish, which ClrMD's walk finished instead.</summary>
    public int ResumedSegments { get; private set; }

    /// <summary>Block reads the segment window made.</summary>
    public long WindowReads => _window.Reads;

    public void Write(HeapFileWriter writer, string source, int processId, string runtimeVersion)
    {
        var heap = _runtime.Heap;
        if (!heap.CanWalkHeap)
        {
            throw new HeapCaptureException($"{source}: the GC heap cannot be walked right now (a GC was in progress when the process was suspended)");
        }
        int pointerSize = _runtime.DataTarget.DataReader.PointerSize;
        CollectDependents();
        writer.WriteHeader(_options.RecordStringContents, _chars.Length, pointerSize, source, processId, runtimeVersion);
        ulong previous = 0;
        foreach (var segment in heap.Segments.OrderBy(s => s.Start))
        {
            var free = new SegmentFree(segment);
            _window.Reset(segment.ObjectRange.End);
            // The block walk stops at the first object it cannot decode itself; ClrMD's walk goes on from there.
            ulong resume = PlainWalk ? segment.FirstObjectAddress : WalkSegment(writer, segment, free, ref previous, pointerSize);
            if (resume != 0 && segment.ObjectRange.Contains(resume))
            {
                ResumedSegments += PlainWalk ? 0 : 1;
                foreach (var obj in segment.EnumerateObjects())
                {
                    if (obj.Address < resume)
                    {
                        continue;
                    }
                    if (obj.IsFree)
                    {
                        free.Add(obj.Address, obj.Size);
                        continue;
                    }
                    if (obj.Address <= previous || obj.Type is null)
                    {
                        continue;
                    }
                    previous = obj.Address;
                    WriteObject(writer, obj.Address, obj.Type, pointerSize);
                }
            }
            foreach (var part in free.Parts())
            {
                writer.WriteSegment(part);
            }
        }
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.Address != 0)
            {
                writer.WriteRoot(MapKind(root.RootKind), root.Object.Address);
            }
        }
        foreach (var (address, name) in StaticFieldRoots.Enumerate(_runtime))
        {
            writer.WriteRoot(HeapRootKind.Static, address, name);
        }
        writer.Finish();
    }

    private void CollectDependents()
    {
        foreach (var handle in _runtime.EnumerateHandles())
        {
            // Dependent handles (ConditionalWeakTable) keep their dependent alive while the key lives: a reference from key to dependent.
            if (handle.HandleKind == ClrHandleKind.Dependent && handle.Object.Address != 0 && handle.Dependent.Address != 0)
            {
                if (!_dependents.TryGetValue(handle.Object.Address, out var list))
                {
                    _dependents[handle.Object.Address] = list = [];
                }
                list.Add(handle.Dependent.Address);
            }
        }
    }

    /// <summary>
    /// Walks <paramref name="segment"/> from its first object as ClrMD's (not careful) walk does, but decoding method table,
    /// size and the gaps of allocation contexts from the window itself instead of through ClrMD's type factory per object (which
    /// asks the DAC about every array). Returns 0 when the segment is done, else the address of the first object it could not
    /// decode (unknown method table, memory the window cannot serve), from which the caller lets ClrMD walk on.
    /// </summary>
    private ulong WalkSegment(HeapFileWriter writer, ClrSegment segment, SegmentFree free, ref ulong previous, int pointerSize)
    {
        var heap = _runtime.Heap;
        ulong freeMethodTable = heap.FreeType.MethodTable;
        uint minObject = 3u * (uint)pointerSize;
        ulong alignMask = pointerSize == 4 && segment.Kind is not (GCSegmentKind.Large or GCSegmentKind.Pinned) ? 3UL : 7UL;
        bool skipContexts = segment.Kind is not (GCSegmentKind.Large or GCSegmentKind.Frozen);
        var contexts = skipContexts ? AllocationContexts() : null;
        ulong address = segment.FirstObjectAddress;
        while (segment.ObjectRange.Contains(address))
        {
            if (!_window.TryGet(address, 2 * pointerSize, out var head))
            {
                return address;
            }
            ulong mt = pointerSize == 8 ? BitConverter.ToUInt64(head) : BitConverter.ToUInt32(head);
            var entry = mt == freeMethodTable ? _freeEntry ??= NewEntry(-1, heap.FreeType) : FindType(writer, mt, address);
            if (entry is null)
            {
                return address;
            }
            ulong size = ObjectSize(entry, head, pointerSize);
            if (mt == freeMethodTable)
            {
                free.Add(address, size);
            }
            else if (address > previous)
            {
                previous = address;
                WriteObject(writer, address, entry.Clr, pointerSize);
            }
            ulong step = Math.Max((size + alignMask) & ~alignMask, minObject);
            address += step;
            while (contexts is not null && contexts.TryGetValue(address, out ulong contextEnd))
            {
                ulong next = contextEnd + ((minObject + alignMask) & ~alignMask);
                if (address >= next || next >= segment.End)
                {
                    return 0;
                }
                address = next;
            }
        }
        return 0;
    }

    private Dictionary<ulong, ulong> AllocationContexts()
    {
        if (_contexts is null)
        {
            _contexts = [];
            foreach (var range in _runtime.Heap.EnumerateAllocationContexts())
            {
                _contexts[range.Start] = range.End;
            }
        }
        return _contexts;
    }

    /// <summary>The entry of method table <paramref name="mt"/>, asking ClrMD once per new one; null when ClrMD knows no such type.</summary>
    private TypeEntry? FindType(HeapFileWriter writer, ulong mt, ulong address)
    {
        if (_types.TryGetValue(mt, out var entry))
        {
            return entry;
        }
        var type = _runtime.Heap.GetObjectType(address);
        return type is null || type.MethodTable != mt ? null : GetType(writer, type);
    }

    /// <summary>ClrMD's <c>ClrObject.Size</c> from the header bytes: base size plus count times component size (a string's count plus one
    /// for its terminator), at least three pointers; unaligned.</summary>
    private static ulong ObjectSize(TypeEntry entry, ReadOnlySpan<byte> head, int pointerSize)
    {
        ulong size = entry.BaseSize;
        if (entry.ComponentSize != 0)
        {
            uint components = BitConverter.ToUInt32(head[pointerSize..]);
            size = (components + (entry.Type.IsString ? 1UL : 0UL)) * entry.ComponentSize + entry.BaseSize;
        }
        return Math.Max(size, 3UL * (uint)pointerSize);
    }

    private void WriteObject(HeapFileWriter writer, ulong address, ClrType type, int pointerSize)
    {
        var entry = GetType(writer, type);
        _references.Clear();
        if (PlainWalk || !TryReadFromWindow(address, entry, pointerSize, out ulong size, out long length, out string? contents))
        {
            size = ReadThroughClrMd(_runtime.Heap.GetObject(address, type), type, entry, pointerSize, out length, out contents);
        }
        long count = entry.Type.HasCount ? ReadCount(_runtime.Heap.GetObject(address, type)) : 0;
        if (_dependents.TryGetValue(address, out var dependents))
        {
            foreach (ulong dependent in dependents)
            {
                _references.Add((dependent, HeapFileFormat.NoField));
            }
        }
        writer.WriteObject(address, entry.Index, size, length, contents, count, _references.Count, entry.Type.IsArrayOrString, entry.Type.HasCount, entry.Type.IsString, _options.RecordStringContents);
        bool withField = !entry.Type.IsArray;
        foreach (var (target, field) in _references)
        {
            writer.WriteReference(address, target, field, withField);
        }
    }

    /// <summary>Size, length, string contents and references of the object at <paramref name="address"/> from the segment window,
    /// computed as ClrMD computes them (<c>ClrObject.Size</c>: base size plus count times component size, a string's count plus one
    /// for its terminator, at least three pointers; no alignment). False when the window cannot hold the object.</summary>
    private bool TryReadFromWindow(ulong address, TypeEntry entry, int pointerSize, out ulong size, out long length, out string? contents)
    {
        size = 0;
        length = 0;
        contents = null;
        int header = 2 * pointerSize;
        if (!_window.TryGet(address, header, out var head))
        {
            return false;
        }
        if (entry.ComponentSize != 0 && (entry.Type.IsString || entry.Type.IsArray))
        {
            length = BitConverter.ToInt32(head[pointerSize..]);
        }
        size = ObjectSize(entry, head, pointerSize);
        if (size > MaxDirectWalkBytes || !_window.TryGet(address, (int)size, out var bytes))
        {
            return false;
        }
        if (entry.Type.IsString && _options.RecordStringContents)
        {
            int chars = (int)Math.Clamp(length, 0, Math.Min(_chars.Length, ((long)size - pointerSize - 4) / 2));
            contents = chars == 0 ? string.Empty : new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes.Slice(pointerSize + 4, chars * 2)));
        }
        if (entry.ContainsPointers)
        {
            var sink = new ReferenceSink(_references, entry, pointerSize);
            if (entry.Slots is null || !entry.Slots.Walk(bytes, (int)size, ref sink))
            {
                _references.Clear();
                return false;
            }
        }
        WindowObjects++;
        return true;
    }

    /// <summary>Adds each reference the descriptor walk finds, with the field holding it (none for array elements).</summary>
    private readonly struct ReferenceSink(List<(ulong Address, int Field)> references, TypeEntry entry, int pointerSize) : ISlotSink
    {
        public void Add(ulong reference, int offset) =>
            references.Add((reference, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(offset - pointerSize)));
    }

    /// <summary>The plain path, one ClrMD read per value: for objects the window cannot hold (huge arrays, memory missing from the dump).</summary>
    private ulong ReadThroughClrMd(ClrObject obj, ClrType type, TypeEntry entry, int pointerSize, out long length, out string? contents)
    {
        _references.Clear();
        length = 0;
        contents = null;
        if (entry.Type.IsString)
        {
            length = _runtime.DataTarget.DataReader.Read<int>(obj.Address + (ulong)pointerSize);
            if (_options.RecordStringContents)
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

    private void AddReferences(ClrObject obj, ClrType type, TypeEntry entry, ulong size, int pointerSize)
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
                _references.Add((reference.Object.Address, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(reference.Offset)));
            }
        }
    }

    /// <summary>The references in the object bytes at the start of the scratch buffer, from the type's GC descriptor.</summary>
    private void AddWalkedReferences(TypeEntry entry, int size, int pointerSize)
    {
        // Offsets from the GC descriptor count from the object start; field offsets from after the method table pointer.
        foreach (var (reference, offset) in entry.Desc.WalkObject(_objectBytes, size))
        {
            if (reference != 0)
            {
                _references.Add((reference, entry.Type.IsArray ? HeapFileFormat.NoField : entry.FieldFor(offset - pointerSize)));
            }
        }
    }

    private string ReadString(ulong address, int chars)
    {
        if (chars <= 0)
        {
            return string.Empty;
        }
        var bytes = MemoryMarshal.AsBytes(_chars.AsSpan(0, chars));
        int read = _runtime.DataTarget.DataReader.Read(address, bytes);
        return new string(_chars, 0, read / 2);
    }

    private static long ReadCount(ClrObject obj)
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

    private TypeEntry GetType(HeapFileWriter writer, ClrType type)
    {
        if (_types.TryGetValue(type.MethodTable, out var entry))
        {
            return entry;
        }
        var fields = type.IsArray || type.IsString ? [] : Fields(type, _runtime.DataTarget.DataReader.PointerSize);
        string name = type.Name ?? $"<unknown type 0x{type.MethodTable:x}>";
        bool hasCount = CollectionNames.IsCounted(name, type.IsArray);
        string module = Path.GetFileNameWithoutExtension(type.Module?.Name ?? type.Module?.AssemblyName ?? "");
        var heapType = new HeapType(name, type.MethodTable, type.IsArray, type.IsString, hasCount, type.StaticSize, type.ComponentSize, fields, module);
        int index = writer.WriteType(heapType);
        entry = NewEntry(index, type, heapType);
        _types.Add(type.MethodTable, entry);
        return entry;
    }

    private TypeEntry NewEntry(int index, ClrType type, HeapType? heapType = null)
    {
        heapType ??= new HeapType(type.Name ?? "Free", type.MethodTable, type.IsArray, type.IsString, false, type.StaticSize, type.ComponentSize, [], "");
        var fields = heapType.Fields;
        return new TypeEntry(index, heapType, type, fields.Select(f => f.Offset).ToArray(), fields.Select(f => f.Size).ToArray(),
            (uint)type.StaticSize, (uint)type.ComponentSize, type.ContainsPointers, type.GCDesc,
            type.ContainsPointers ? GcSlots.Read(_runtime.DataTarget.DataReader, type.MethodTable) : null);
    }

    /// <summary>The instance fields in offset order, described from their element types and offsets only (see <see cref="IsReference"/>):
    /// a primitive's or a reference's size from its element type; a struct's as the room up to the next field (so it includes padding after it).</summary>
    private static HeapField[] Fields(ClrType type, int pointerSize)
    {
        var sorted = type.Fields.OrderBy(f => f.Offset).ToArray();
        var fields = new HeapField[sorted.Length];
        int end = Math.Max(0, type.StaticSize - 2 * pointerSize);
        for (int i = 0; i < sorted.Length; i++)
        {
            var f = sorted[i];
            int room = (i + 1 < sorted.Length ? sorted[i + 1].Offset : Math.Max(end, f.Offset)) - f.Offset;
            int size = ElementSize(f.ElementType, pointerSize) ?? Math.Max(room, 0);
            fields[i] = new HeapField(f.Name ?? "?", f.Offset, size, IsReference(f.ElementType), f.ElementType == ClrElementType.Struct);
        }
        return fields;
    }

    private static int? ElementSize(ClrElementType type, int pointerSize) => type switch
    {
        ClrElementType.Boolean or ClrElementType.Int8 or ClrElementType.UInt8 => 1,
        ClrElementType.Char or ClrElementType.Int16 or ClrElementType.UInt16 => 2,
        ClrElementType.Int32 or ClrElementType.UInt32 or ClrElementType.Float => 4,
        ClrElementType.Int64 or ClrElementType.UInt64 or ClrElementType.Double => 8,
        ClrElementType.NativeInt or ClrElementType.NativeUInt or ClrElementType.Pointer or ClrElementType.FunctionPointer => pointerSize,
        _ when IsReference(type) => pointerSize,
        _ => null,
    };

    // From the field's element type alone: ClrField.IsObjectReference resolves the field's type by name through every module
    // (ClrMD 4.2), which made capture of a process with 12,000 types take minutes. A field of a generic parameter type counts as
    // no reference here; the references themselves come from the GC descriptor, not from these flags.
    private static bool IsReference(ClrElementType type) =>
        type is ClrElementType.Class or ClrElementType.Object or ClrElementType.String or ClrElementType.SZArray or ClrElementType.Array;

    private static HeapRootKind MapKind(ClrRootKind kind) => kind switch
    {
        ClrRootKind.Stack => HeapRootKind.Stack,
        ClrRootKind.StrongHandle => HeapRootKind.StrongHandle,
        ClrRootKind.PinnedHandle => HeapRootKind.PinnedHandle,
        ClrRootKind.AsyncPinnedHandle => HeapRootKind.AsyncPinnedHandle,
        ClrRootKind.RefCountedHandle => HeapRootKind.RefCountedHandle,
        ClrRootKind.SizedRefHandle => HeapRootKind.SizedRefHandle,
        ClrRootKind.FinalizerQueue => HeapRootKind.FinalizerQueue,
        ClrRootKind.StaticVar => HeapRootKind.Static,
        ClrRootKind.ThreadStaticVar => HeapRootKind.ThreadStatic,
        _ => HeapRootKind.Other,
    };

    /// <summary>The file index of a type, with field offsets for mapping a reference to its field.</summary>
    private sealed record TypeEntry(int Index, HeapType Type, ClrType Clr, int[] Offsets, int[] Sizes, uint BaseSize, uint ComponentSize, bool ContainsPointers, GCDesc Desc, GcSlots? Slots)
    {
        /// <summary>Field ordinal plus one of the field that holds <paramref name="offset"/>; 0 when none does.</summary>
        public int FieldFor(int offset)
        {
            int lo = 0;
            int hi = Offsets.Length - 1;
            int found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (Offsets[mid] <= offset)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            return found >= 0 && offset < Offsets[found] + Math.Max(Sizes[found], 1) ? found + 1 : HeapFileFormat.NoField;
        }
    }
}
