namespace Toolkit.Introspection.Heap;

/// <summary>
/// Loads a heap file into a <see cref="HeapGraph"/>. Reads the footer first to size every array
/// exactly (after checking the counts are possible for the file's length), then streams the
/// records, checking each length, index and order before using it, and resolves reference
/// addresses to object numbers through the graph's page-indexed <see cref="AddressTable"/>,
/// on all cores.
/// </summary>
public static class HeapGraphLoader
{
    // Progress is reported every this many objects: often enough for a display, rarely enough to cost nothing.
    private const int ProgressStep = 1 << 20;

    // References resolved per parallel work item: large enough to amortise scheduling.
    private const int ResolveBlock = 1 << 16;

    public static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress = null)
    {
        using var reader = new HeapFileReader(path);
        var header = ReadHeader(reader, out long headerEnd);
        var (objectCount, edgeCount, typeCount, rootCount) = ReadFooter(reader, headerEnd);
        reader.Seek(headerEnd);
        reader.Section = "first record";

        var types = new HeapType[typeCount];
        int typesRead = 0;
        var addresses = new ulong[objectCount];
        var typeIndexes = new int[objectCount];
        var childStart = new int[objectCount + 1];
        var rawChildren = new ulong[edgeCount];
        var childFields = new byte[edgeCount];
        var rootObjects = new ulong[rootCount];
        var rootKinds = new byte[rootCount];
        var lengths = new RankedIntMap.Builder(objectCount);
        var counts = new RankedIntMap.Builder(objectCount);
        var stringOffsets = new RankedIntMap.Builder(objectCount);
        var oddSizes = new RankedIntMap.Builder(objectCount);
        var hugeSizes = new Dictionary<int, long>();
        var pool = new StringPool();
        int objects = 0;
        int edges = 0;
        int roots = 0;
        ulong address = 0;
        int maxStringBytes = header.MaxStringChars * 3;

        while (true)
        {
            byte tag = reader.ReadByte();
            if (tag == HeapFileFormat.EndTag)
            {
                break;
            }
            switch (tag)
            {
                case HeapFileFormat.TypeTag:
                    if (typesRead == typeCount)
                    {
                        throw reader.Damaged($"more type records than the {typeCount} the footer declares");
                    }
                    reader.Section = "type";
                    reader.Record = typesRead;
                    types[typesRead] = ReadType(reader, typesRead);
                    typesRead++;
                    break;
                case HeapFileFormat.ObjectTag:
                {
                    if (objects == objectCount)
                    {
                        throw reader.Damaged($"more object records than the {objectCount} the footer declares");
                    }
                    reader.Section = "object";
                    reader.Record = objects;
                    ulong delta = reader.ReadVar();
                    if (objects > 0 && delta == 0)
                    {
                        throw reader.Damaged("object address is not above the previous one");
                    }
                    if (address + delta < address)
                    {
                        throw reader.Damaged("object address overflows 64 bits");
                    }
                    address += delta;
                    int typeIndex = (int)reader.ReadVar(typesRead - 1, "type index (types must be defined before use)");
                    var type = types[typeIndex];
                    long size = reader.ReadVar(long.MaxValue, "object size");
                    addresses[objects] = address;
                    typeIndexes[objects] = typeIndex;
                    long expected = type.BaseSize;
                    if (type.IsArrayOrString)
                    {
                        int length = (int)reader.ReadVar(int.MaxValue, "array length");
                        lengths.Add(objects, length);
                        expected += (long)length * type.ComponentSize;
                    }
                    if (size != expected)
                    {
                        // Sizes are derived from type and length; the rare object that does not follow the rule keeps its own.
                        oddSizes.Add(objects, size <= int.MaxValue ? (int)size : -1);
                        if (size > int.MaxValue)
                        {
                            hugeSizes[objects] = size;
                        }
                    }
                    if (type.IsString && header.StringContents)
                    {
                        stringOffsets.Add(objects, pool.Add(reader.ReadSpan(maxStringBytes, "string contents")));
                    }
                    if (type.HasCount)
                    {
                        counts.Add(objects, (int)reader.ReadVar(int.MaxValue, "collection count"));
                    }
                    int refs = (int)reader.ReadVar(edgeCount - edges, "reference count (beyond the footer's total)");
                    int fieldLimit = type.Fields.Count;
                    bool withField = !type.IsArray;
                    for (int r = 0; r < refs; r++)
                    {
                        if (withField)
                        {
                            childFields[edges] = (byte)Math.Min(reader.ReadVar(fieldLimit, "field ordinal"), byte.MaxValue);
                        }
                        ulong zig = reader.ReadVar();
                        long d = (long)(zig >> 1) ^ -(long)(zig & 1);
                        rawChildren[edges++] = unchecked(address + (ulong)d);
                    }
                    objects++;
                    childStart[objects] = edges;
                    if ((objects & (ProgressStep - 1)) == 0)
                    {
                        progress?.Report(new HeapLoadProgress("read", objects, objectCount));
                    }
                    break;
                }
                case HeapFileFormat.RootTag:
                    if (roots == rootCount)
                    {
                        throw reader.Damaged($"more root records than the {rootCount} the footer declares");
                    }
                    reader.Section = "root";
                    reader.Record = roots;
                    rootKinds[roots] = (byte)reader.ReadVar(byte.MaxValue, "root kind");
                    rootObjects[roots++] = reader.ReadVar();
                    break;
                default:
                    throw reader.Damaged($"unknown record tag {tag}");
            }
        }
        if (reader.Position != reader.Length - HeapFileFormat.FooterBytes)
        {
            throw reader.Damaged($"end record at byte {reader.Position - 1}, but the footer starts at byte {reader.Length - HeapFileFormat.FooterBytes}");
        }
        if (objects != objectCount || edges != edgeCount || typesRead != typeCount || roots != rootCount)
        {
            throw reader.Damaged($"the file holds {objects} objects, {edges} references, {typesRead} types, {roots} roots, "
                + $"but the footer declares {objectCount}, {edgeCount}, {typeCount}, {rootCount}");
        }

        progress?.Report(new HeapLoadProgress("resolve", 0, edgeCount));
        var table = new AddressTable(addresses);
        addresses = null;
        var children = new int[edgeCount];
        long unresolved = 0;
        // Resolve in parallel blocks: lookups only read the table.
        Parallel.For(0, (edgeCount + ResolveBlock - 1) / ResolveBlock, block =>
        {
            int end = (int)Math.Min((long)(block + 1) * ResolveBlock, edgeCount);
            long missing = 0;
            for (int e = block * ResolveBlock; e < end; e++)
            {
                int child = table.IndexOf(rawChildren[e]);
                missing += child < 0 ? 1 : 0;
                children[e] = child;
            }
            Interlocked.Add(ref unresolved, missing);
        });
        rawChildren = null;
        if (unresolved > 0)
        {
            // References to addresses that are not objects of the heap are dropped.
            int kept = 0;
            for (int id = 0; id < objectCount; id++)
            {
                int from = childStart[id];
                int to = childStart[id + 1];
                childStart[id] = kept;
                for (int e = from; e < to; e++)
                {
                    if (children[e] >= 0)
                    {
                        childFields[kept] = childFields[e];
                        children[kept++] = children[e];
                    }
                }
            }
            childStart[objectCount] = kept;
            Array.Resize(ref children, kept);
            Array.Resize(ref childFields, kept);
        }
        var rootIds = new IntList();
        var rootKindList = new List<byte>();
        for (int r = 0; r < rootCount; r++)
        {
            int id = table.IndexOf(rootObjects[r]);
            if (id >= 0)
            {
                rootIds.Add(id);
                rootKindList.Add(rootKinds[r]);
            }
        }
        progress?.Report(new HeapLoadProgress("done", objectCount, objectCount));
        return new HeapGraph(
            header, types, table, typeIndexes, childStart, children, childFields, rootIds.ToArray(), [.. rootKindList],
            lengths.Build(), counts.Build(), stringOffsets.Build(), pool.ToArray(), oddSizes.Build(), hugeSizes, unresolved);
    }

    private static HeapFileHeader ReadHeader(HeapFileReader reader, out long headerEnd)
    {
        if (reader.Length < HeapFileFormat.Magic.Length + HeapFileFormat.FooterBytes)
        {
            throw new HeapFormatException($"{reader.Path}: not a heap file or truncated: only {reader.Length} bytes");
        }
        Span<byte> magic = stackalloc byte[HeapFileFormat.Magic.Length];
        reader.ReadExactly(magic);
        if (!magic.SequenceEqual(HeapFileFormat.Magic))
        {
            throw new HeapFormatException($"{reader.Path}: not a heap file (bad magic at byte 0)");
        }
        long version = (long)reader.ReadVar();
        if (version != HeapFileFormat.Version)
        {
            throw new HeapFormatException($"{reader.Path}: heap file version {version}; this reader reads version {HeapFileFormat.Version}");
        }
        long flags = reader.ReadVar(int.MaxValue, "flags");
        int maxChars = (int)reader.ReadVar(HeapFileFormat.MaxStringCharsLimit, "maximum string length");
        int pointerSize = (int)reader.ReadVar(8, "pointer size");
        if (pointerSize != 4 && pointerSize != 8)
        {
            throw reader.Damaged($"pointer size {pointerSize}, expected 4 or 8");
        }
        string source = reader.ReadString(HeapFileFormat.MaxNameBytes, "source");
        int pid = (int)reader.ReadVar(int.MaxValue, "process id");
        long ticks = reader.ReadVar(DateTime.MaxValue.Ticks, "capture time");
        string runtime = reader.ReadString(HeapFileFormat.MaxNameBytes, "runtime version");
        headerEnd = reader.Position;
        return new HeapFileHeader((int)version, (flags & HeapFileFormat.FlagStringContents) != 0, maxChars, pointerSize, source, pid,
            new DateTime(ticks, DateTimeKind.Utc), runtime);
    }

    private static (int Objects, int Edges, int Types, int Roots) ReadFooter(HeapFileReader reader, long headerEnd)
    {
        long footerAt = reader.Length - HeapFileFormat.FooterBytes;
        if (footerAt < headerEnd)
        {
            throw new HeapFormatException($"{reader.Path}: heap file truncated: {reader.Length} bytes, no room for records and footer");
        }
        reader.Seek(footerAt);
        reader.Section = "footer";
        Span<byte> footer = stackalloc byte[HeapFileFormat.FooterBytes];
        reader.ReadExactly(footer);
        if (!footer[32..].SequenceEqual(HeapFileFormat.EndMagic))
        {
            throw new HeapFormatException($"{reader.Path}: heap file truncated or unfinished: no footer at byte {footerAt} (the capture may have been interrupted)");
        }
        long objects = BitConverter.ToInt64(footer[0..8]);
        long edges = BitConverter.ToInt64(footer[8..16]);
        long types = BitConverter.ToInt64(footer[16..24]);
        long roots = BitConverter.ToInt64(footer[24..32]);
        long room = footerAt - headerEnd;
        // Each record takes at least this many bytes, so the counts cannot exceed the room for them:
        // checked before any array is sized from them.
        if (objects < 0 || objects > room / HeapFileFormat.MinObjectRecordBytes || objects >= Array.MaxLength
            || edges < 0 || edges > room || edges >= Array.MaxLength
            || types < 0 || types > room / 4 || roots < 0 || roots > room / 2)
        {
            throw new HeapFormatException($"{reader.Path}: damaged footer at byte {footerAt}: counts {objects} objects, {edges} references, "
                + $"{types} types, {roots} roots do not fit in {room} bytes of records");
        }
        return ((int)objects, (int)edges, (int)types, (int)roots);
    }

    private static HeapType ReadType(HeapFileReader reader, int expectedIndex)
    {
        long index = (long)reader.ReadVar();
        if (index != expectedIndex)
        {
            throw reader.Damaged($"type record numbered {index}, expected {expectedIndex}");
        }
        ulong methodTable = reader.ReadVar();
        string name = reader.ReadString(HeapFileFormat.MaxNameBytes, "type name");
        byte flags = reader.ReadByte();
        int baseSize = (int)reader.ReadVar(int.MaxValue, "base size");
        int componentSize = (int)reader.ReadVar(int.MaxValue, "component size");
        // A type has at most a few thousand fields; the bound stops a damaged count from allocating.
        int fieldCount = (int)reader.ReadVar(ushort.MaxValue, "field count");
        var fields = new HeapField[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            string fieldName = reader.ReadString(HeapFileFormat.MaxNameBytes, "field name");
            int offset = (int)reader.ReadVar(int.MaxValue, "field offset");
            int size = (int)reader.ReadVar(int.MaxValue, "field size");
            byte fieldFlags = reader.ReadByte();
            fields[f] = new HeapField(fieldName, offset, size, (fieldFlags & HeapFileFormat.FieldIsReference) != 0, (fieldFlags & HeapFileFormat.FieldIsValueType) != 0);
        }
        return new HeapType(name, methodTable, (flags & HeapFileFormat.TypeIsArray) != 0, (flags & HeapFileFormat.TypeIsString) != 0,
            (flags & HeapFileFormat.TypeHasCount) != 0, baseSize, componentSize, fields);
    }
}
