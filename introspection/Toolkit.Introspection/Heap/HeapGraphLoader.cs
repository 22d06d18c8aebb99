namespace Toolkit.Introspection.Heap;

/// <summary>
/// Loads a heap file into a <see cref="HeapGraph"/>. Reads the footer first to size every array
/// exactly (after checking the counts are possible for the file's length), then streams the
/// records into a <see cref="HeapGraphBuilder"/>, checking each length, index and order before
/// using it, and hashing every byte; the graph is returned only when the file's SHA-256 matches.
/// Reference addresses are resolved to object numbers when the builder builds, on all cores.
/// </summary>
public static class HeapGraphLoader
{
    // Progress is reported every this many objects: often enough for a display, rarely enough to cost nothing.
    private const int ProgressStep = 1 << 20;

    public static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress = null)
    {
        using var reader = new HeapFileReader(path, HeapFileFormat.Magic.Length + HeapFileFormat.FooterBytes);
        ReadHeader(reader);
        var footer = ReadFooter(reader);
        reader.Seek(0);
        reader.BeginChecksum(footer.At + HeapFileFormat.FooterCountBytes);
        var header = ReadHeader(reader);
        footer.CheckRoom(reader, reader.Position);
        reader.Section = "first record";
        var state = new LoadState(reader, header, footer, progress);
        ReadRecords(state);
        if (!reader.ChecksumMatches(footer.Checksum))
        {
            throw new HeapFormatException($"{path}: damaged heap file: its SHA-256 does not match the one in the footer at byte {footer.At + HeapFileFormat.FooterCountBytes} "
                + "(the file was changed after it was written)");
        }
        progress?.Report(new HeapLoadProgress("resolve", 0, footer.Edges));
        state.Builder.StringBlob = state.Pool.ToArray();
        var graph = state.Builder.Build();
        progress?.Report(new HeapLoadProgress("done", footer.Objects, footer.Objects));
        return graph;
    }

    private static void ReadRecords(LoadState state)
    {
        var reader = state.Reader;
        while (true)
        {
            byte tag = reader.ReadByte();
            switch (tag)
            {
                case HeapFileFormat.EndTag:
                    CheckEnd(state);
                    return;
                case HeapFileFormat.TypeTag:
                    ReadType(state);
                    break;
                case HeapFileFormat.ObjectTag:
                    ReadObject(state);
                    break;
                case HeapFileFormat.RootTag:
                    ReadRoot(state);
                    break;
                case HeapFileFormat.SegmentTag:
                    ReadSegment(state);
                    break;
                default:
                    throw reader.Damaged($"unknown record tag {tag}");
            }
        }
    }

    private static void ReadObject(LoadState state)
    {
        var reader = state.Reader;
        var builder = state.Builder;
        int objects = builder.ObjectCount;
        if (objects == state.Footer.Objects)
        {
            throw reader.Damaged($"more object records than the {state.Footer.Objects} the footer declares");
        }
        reader.Section = "object";
        reader.Record = objects;
        ulong delta = reader.ReadVar();
        if (objects > 0 && delta == 0)
        {
            throw reader.Damaged("object address is not above the previous one");
        }
        ulong address = state.Address + delta;
        if (address < state.Address)
        {
            throw reader.Damaged("object address overflows 64 bits");
        }
        state.Address = address;
        int typeIndex = (int)reader.ReadVar(state.TypesRead - 1, "type index (types must be defined before use)");
        var type = state.Types[typeIndex];
        long size = reader.ReadVar(long.MaxValue, "object size");
        int? length = type.IsArrayOrString ? (int)reader.ReadVar(int.MaxValue, "array length") : null;
        int content = type.IsString && state.Header.StringContents ? state.Pool.Add(reader.ReadSpan(state.MaxStringBytes, "string contents")) : -1;
        int? count = type.HasCount ? (int)reader.ReadVar(int.MaxValue, "collection count") : null;
        builder.AddObject(address, typeIndex, size, length, count, content);
        int refs = (int)reader.ReadVar(state.Footer.Edges - builder.EdgeCount, "reference count (beyond the footer's total)");
        int fieldLimit = type.Fields.Count;
        bool withField = !type.IsArray;
        for (int r = 0; r < refs; r++)
        {
            byte field = withField ? (byte)Math.Min(reader.ReadVar(fieldLimit, "field ordinal"), byte.MaxValue) : (byte)0;
            ulong zig = reader.ReadVar();
            long d = (long)(zig >> 1) ^ -(long)(zig & 1);
            builder.AddRawChild(unchecked(address + (ulong)d), field);
        }
        if (((objects + 1) & (ProgressStep - 1)) == 0)
        {
            state.Progress?.Report(new HeapLoadProgress("read", objects + 1, state.Footer.Objects));
        }
    }

    private static void ReadType(LoadState state)
    {
        var reader = state.Reader;
        int expectedIndex = state.TypesRead;
        if (expectedIndex == state.Footer.Types)
        {
            throw reader.Damaged($"more type records than the {state.Footer.Types} the footer declares");
        }
        reader.Section = "type";
        reader.Record = expectedIndex;
        long index = (long)reader.ReadVar();
        if (index != expectedIndex)
        {
            throw reader.Damaged($"type record numbered {index}, expected {expectedIndex}");
        }
        ulong methodTable = reader.ReadVar();
        string name = reader.ReadString(HeapFileFormat.MaxNameBytes, "type name");
        string module = reader.ReadString(HeapFileFormat.MaxNameBytes, "module name");
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
        state.Types[expectedIndex] = new HeapType(name, methodTable, (flags & HeapFileFormat.TypeIsArray) != 0, (flags & HeapFileFormat.TypeIsString) != 0,
            (flags & HeapFileFormat.TypeHasCount) != 0, baseSize, componentSize, fields, module);
        state.TypesRead++;
    }

    private static void ReadRoot(LoadState state)
    {
        var reader = state.Reader;
        if (state.RootsRead == state.Footer.Roots)
        {
            throw reader.Damaged($"more root records than the {state.Footer.Roots} the footer declares");
        }
        reader.Section = "root";
        reader.Record = state.RootsRead;
        byte kind = reader.ReadByte();
        if (kind > (byte)HeapRootKind.ThreadStatic)
        {
            throw reader.Damaged($"root kind {kind} is unknown");
        }
        ulong address = reader.ReadVar();
        string name = reader.ReadString(HeapFileFormat.MaxNameBytes, "root name");
        state.Builder.AddRawRoot(address, (HeapRootKind)kind, name);
        state.RootsRead++;
    }

    private static void ReadSegment(LoadState state)
    {
        var reader = state.Reader;
        if (state.SegmentsRead == state.Footer.Segments)
        {
            throw reader.Damaged($"more segment records than the {state.Footer.Segments} the footer declares");
        }
        reader.Section = "segment";
        reader.Record = state.SegmentsRead;
        ulong start = reader.ReadVar();
        ulong length = reader.ReadVar();
        if (start + length < start)
        {
            throw reader.Damaged("segment end overflows 64 bits");
        }
        byte generation = reader.ReadByte();
        if (generation > (byte)HeapGeneration.Frozen)
        {
            throw reader.Damaged($"segment generation {generation} is unknown");
        }
        long freeObjects = reader.ReadVar(long.MaxValue, "free object count");
        long freeBytes = reader.ReadVar(long.MaxValue, "free bytes");
        state.Builder.AddSegment(new HeapSegment(start, length, (HeapGeneration)generation, freeObjects, freeBytes));
        state.SegmentsRead++;
    }

    private static void CheckEnd(LoadState state)
    {
        var reader = state.Reader;
        var footer = state.Footer;
        if (reader.Position != footer.At)
        {
            throw reader.Damaged($"end record at byte {reader.Position - 1}, but the footer starts at byte {footer.At}");
        }
        var b = state.Builder;
        if (b.ObjectCount != footer.Objects || b.EdgeCount != footer.Edges || state.TypesRead != footer.Types || state.RootsRead != footer.Roots
            || state.SegmentsRead != footer.Segments)
        {
            throw reader.Damaged($"the file holds {b.ObjectCount} objects, {b.EdgeCount} references, {state.TypesRead} types, {state.RootsRead} roots, "
                + $"{state.SegmentsRead} segments, but the footer declares {footer.Objects}, {footer.Edges}, {footer.Types}, {footer.Roots}, {footer.Segments}");
        }
    }

    private static HeapFileHeader ReadHeader(HeapFileReader reader)
    {
        Span<byte> magic = stackalloc byte[HeapFileFormat.Magic.Length];
        reader.ReadExactly(magic);
        if (!magic.SequenceEqual(HeapFileFormat.Magic))
        {
            throw new HeapFormatException($"{reader.Path}: not a heap file (bad magic at byte 0)");
        }
        long version = (long)reader.ReadVar();
        if (version != HeapFileFormat.Version)
        {
            throw new HeapFormatException($"{reader.Path}: heap file version {version}; this reader reads version {HeapFileFormat.Version} (capture the heap again)");
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
        return new HeapFileHeader((int)version, (flags & HeapFileFormat.FlagStringContents) != 0, maxChars, pointerSize, source, pid,
            new DateTime(ticks, DateTimeKind.Utc), runtime);
    }

    private static HeapFileFooter ReadFooter(HeapFileReader reader)
    {
        long footerAt = reader.Length - HeapFileFormat.FooterBytes;
        reader.Seek(footerAt);
        reader.Section = "footer";
        Span<byte> footer = stackalloc byte[HeapFileFormat.FooterBytes];
        reader.ReadExactly(footer);
        if (!footer[(HeapFileFormat.FooterBytes - 8)..].SequenceEqual(HeapFileFormat.EndMagic))
        {
            throw new HeapFormatException($"{reader.Path}: heap file truncated or unfinished: no footer at byte {footerAt} (the capture may have been interrupted)");
        }
        reader.Section = "header";
        return new HeapFileFooter(footerAt, BitConverter.ToInt64(footer[0..8]), BitConverter.ToInt64(footer[8..16]), BitConverter.ToInt64(footer[16..24]),
            BitConverter.ToInt64(footer[24..32]), BitConverter.ToInt64(footer[32..40]), footer[40..72].ToArray());
    }

    /// <summary>The running state of one load: the reader, the builder, the type table and the counters.</summary>
    private sealed class LoadState
    {
        public LoadState(HeapFileReader reader, HeapFileHeader header, HeapFileFooter footer, IProgress<HeapLoadProgress>? progress)
        {
            Reader = reader;
            Header = header;
            Footer = footer;
            Progress = progress;
            Types = new HeapType[footer.Types];
            Builder = new HeapGraphBuilder(header, Types, (int)footer.Objects, footer.Edges, rawReferences: true);
            MaxStringBytes = header.MaxStringChars * 3;
        }

        public HeapFileReader Reader { get; }

        public HeapFileHeader Header { get; }

        public HeapFileFooter Footer { get; }

        public IProgress<HeapLoadProgress>? Progress { get; }

        /// <summary>Filled as type records are read; the builder reads the same array.</summary>
        public HeapType[] Types { get; }

        public HeapGraphBuilder Builder { get; }

        public StringPool Pool { get; } = new();

        public int MaxStringBytes { get; }

        public int TypesRead { get; set; }

        public int RootsRead { get; set; }

        public int SegmentsRead { get; set; }

        public ulong Address { get; set; }
    }
}
