using System.Runtime.ExceptionServices;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Loads a heap file into a <see cref="HeapGraph"/>. Reads the footer first to size every array
/// exactly (after checking the counts are possible for the file's length), then parses the records
/// into a <see cref="HeapGraphBuilder"/>, checking each length, index and order before using it,
/// while another thread hashes the file; the graph is returned only when the file's SHA-256 matches.
/// A version 3 file has its types and a chunk index after the objects: the types are read first,
/// then the chunks of objects are parsed on all cores, each into its own slots of the builder's
/// arrays, and appended in order (the graph is the one a sequential parse makes). A version 2 file
/// is one chunk. Reference addresses are resolved to object numbers when the builder builds, on all cores.
/// </summary>
public static class HeapGraphLoader
{
    // Progress of a one-chunk load is reported every this many objects: often enough for a display, rarely enough to cost nothing.
    private const int ProgressStep = 1 << 20;

    public static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress = null) => Load(path, progress, Environment.ProcessorCount);

    /// <summary>Loads with at most <paramref name="workers"/> threads parsing chunks (1: one after the other, on this thread).</summary>
    internal static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress, int workers)
    {
        using var reader = new HeapFileReader(path, HeapFileFormat.Magic.Length + HeapFileFormat.FooterBytesV2);
        var header = ReadHeader(reader);
        long headerEnd = reader.Position;
        var footer = ReadFooter(reader, header.Version);
        footer.CheckRoom(reader, headerEnd);
        var file = new LoadState(reader, header, footer, progress);
        var chunks = header.Version == 2 ? [new ChunkSpan(0, headerEnd, footer.At, 0, (int)footer.Objects, 0, 0, footer.Edges, null)] : ReadTail(file, headerEnd);
        using var cancel = new CancellationTokenSource();
        var checksum = Task.Run(() => new HeapFileReader(reader).ChecksumMatches(footer.At + HeapFileFormat.FooterLength(header.Version) - HeapFileFormat.ChecksumBytes - 8,
            footer.Checksum, cancel.Token));
        try
        {
            ReadChunks(file, chunks, Math.Max(1, workers));
            if (file.Builder.NeedsWideReferences)
            {
                // More than 256 distinct 4 GiB ranges referenced (a huge or very sparse heap): again, with whole addresses.
                file.RestartWide();
                ReadChunks(file, chunks, Math.Max(1, workers));
            }
        }
        catch
        {
            cancel.Cancel();
            try
            {
                checksum.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The file's error is the one to report.
            }
            throw;
        }
        bool matches;
        try
        {
            matches = checksum.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException("checksum cancelled without an error");
        }
        if (!matches)
        {
            throw new HeapFormatException($"{path}: damaged heap file: its SHA-256 does not match the one in the footer at byte {footer.At + HeapFileFormat.FooterLength(header.Version) - HeapFileFormat.ChecksumBytes - 8} "
                + "(the file was changed after it was written)");
        }
        progress?.Report(new HeapLoadProgress("resolve", 0, footer.Edges));
        file.Builder.StringBlob = file.Pool.ToArray();
        var graph = file.Builder.Build();
        progress?.Report(new HeapLoadProgress("done", footer.Objects, footer.Objects));
        return graph;
    }

    // Parses every chunk, on up to `workers` threads taking chunks in increasing order, each appended to the builder in order as soon as
    // the ones before it are; the error of the lowest chunk that has one is thrown (every chunk below it was parsed).
    private static void ReadChunks(LoadState file, ChunkSpan[] chunks, int workers)
    {
        int n = chunks.Length;
        var parts = new HeapGraphBuilder.Part?[n];
        var errors = new ExceptionDispatchInfo?[n];
        int next = -1;
        int appended = 0;
        bool failed = false;
        var appending = new object();
        var spare = new System.Collections.Concurrent.ConcurrentBag<HeapGraphBuilder.Part>();
        void Append()
        {
            // Whoever holds the lock appends every parsed chunk in order; a chunk parsed meanwhile is seen by the check after release.
            while (Monitor.TryEnter(appending))
            {
                try
                {
                    while (appended < n && Volatile.Read(ref parts[appended]) is { } part)
                    {
                        file.Builder.AppendPart(part);
                        parts[appended] = null;
                        spare.Add(part);
                        Volatile.Write(ref appended, appended + 1);
                        if (n > 1)
                        {
                            file.Progress?.Report(new HeapLoadProgress("read", file.Builder.ObjectCount, file.Footer.Objects));
                        }
                    }
                }
                finally
                {
                    Monitor.Exit(appending);
                }
                int at = Volatile.Read(ref appended);
                if (at >= n || Volatile.Read(ref parts[at]) is null)
                {
                    return;
                }
            }
        }
        void Work(HeapFileReader reader)
        {
            while (!Volatile.Read(ref failed))
            {
                int c = Interlocked.Increment(ref next);
                if (c >= n)
                {
                    return;
                }
                try
                {
                    var chunk = chunks[c];
                    var part = spare.TryTake(out var done) ? HeapGraphBuilder.ReusePart(done, chunk.FirstId, chunk.FirstEdge)
                        : file.Builder.StartPart(chunk.FirstId, chunk.FirstEdge, file.Pool, direct: n == 1);
                    new ChunkState(file, reader, chunk, part, n).Read();
                    Volatile.Write(ref parts[c], part);
                }
                catch (Exception e)
                {
                    errors[c] = ExceptionDispatchInfo.Capture(e);
                    Volatile.Write(ref failed, true);
                    return;
                }
                Append();
            }
        }
        int threads = Math.Min(workers, n);
        var helpers = new Task[threads - 1];
        for (int t = 0; t < helpers.Length; t++)
        {
            helpers[t] = Task.Factory.StartNew(() =>
            {
                using var own = new HeapFileReader(file.Reader);
                Work(own);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        Work(file.Reader);
        Task.WaitAll(helpers);
        foreach (var error in errors)
        {
            error?.Throw();
        }
        Append();
        if (appended != n)
        {
            throw new InvalidOperationException($"{appended} of {n} chunks appended");
        }
        var footer = file.Footer;
        var b = file.Builder;
        if (b.ObjectCount != footer.Objects || b.EdgeCount != footer.Edges || file.TypesRead != footer.Types || file.RootsRead != footer.Roots
            || file.SegmentsRead != footer.Segments)
        {
            throw new HeapFormatException($"{file.Reader.Path}: damaged heap file: it holds {b.ObjectCount} objects, {b.EdgeCount} references, {file.TypesRead} types, "
                + $"{file.RootsRead} roots, {file.SegmentsRead} segments, but the footer declares {footer.Objects}, {footer.Edges}, {footer.Types}, {footer.Roots}, {footer.Segments}");
        }
    }

    // Version 3: the type records and the chunk index after the objects (from the footer's tail offset to the end record).
    private static ChunkSpan[] ReadTail(LoadState file, long headerEnd)
    {
        var reader = file.Reader;
        var footer = file.Footer;
        if (footer.TailAt < headerEnd || footer.TailAt >= footer.At)
        {
            throw new HeapFormatException($"{reader.Path}: damaged footer at byte {footer.At}: the type records are said to start at byte {footer.TailAt}, "
                + $"outside the records (bytes {headerEnd} to {footer.At})");
        }
        reader.Seek(footer.TailAt);
        for (int t = 0; t < footer.Types; t++)
        {
            reader.Section = "type";
            reader.Record = t;
            byte tag = reader.ReadByte();
            if (tag != HeapFileFormat.TypeTag)
            {
                throw reader.Damaged($"record tag {tag} where type record #{t} of the {footer.Types} the footer declares should be");
            }
            ReadType(file, reader);
        }
        reader.Section = "index";
        reader.Record = 0;
        byte indexTag = reader.ReadByte();
        if (indexTag != HeapFileFormat.IndexTag)
        {
            throw reader.Damaged($"record tag {indexTag} where the chunk index should be (after the {footer.Types} type records)");
        }
        int perChunk = (int)reader.ReadVar(int.MaxValue, "objects per chunk");
        if (perChunk == 0 || perChunk % 64 != 0)
        {
            throw reader.Damaged($"objects per chunk is {perChunk}, not a positive multiple of 64");
        }
        long expected = footer.Objects == 0 ? 0 : (footer.Objects - 1) / perChunk;
        long entries = reader.ReadVar(long.MaxValue, "chunk count");
        if (entries != expected)
        {
            throw reader.Damaged($"{entries} chunk index entries, but {footer.Objects} objects in chunks of {perChunk} make {expected}");
        }
        var chunks = new ChunkSpan[entries + 1];
        long start = headerEnd;
        ulong previous = 0;
        long edges = 0;
        for (int c = 0; c <= entries; c++)
        {
            reader.Record = c;
            long end = footer.TailAt;
            ulong last = 0;
            long endEdges = footer.Edges;
            if (c < entries)
            {
                ulong offsetDelta = reader.ReadVar();
                ulong addressDelta = reader.ReadVar();
                ulong edgeDelta = reader.ReadVar();
                // Each chunk holds at least one byte per object, its previous address is above the one before, its references within the footer's.
                // The first entry's offset counts from 0, the others' from the entry before.
                long at = offsetDelta > (ulong)footer.TailAt ? -1 : (long)offsetDelta + (c == 0 ? 0 : start);
                if (at < start + perChunk || at >= footer.TailAt)
                {
                    throw reader.Damaged($"chunk {c + 1} is said to start at byte {(at < 0 ? "beyond " + footer.TailAt : at)}, outside bytes {start + perChunk} to {footer.TailAt}");
                }
                if (addressDelta == 0 || previous + addressDelta < previous || edgeDelta > (ulong)(footer.Edges - edges))
                {
                    throw reader.Damaged($"chunk {c + 1}'s previous address (+{addressDelta}) or references before it (+{edgeDelta}) are impossible");
                }
                end = at;
                last = previous + addressDelta;
                endEdges = edges + (long)edgeDelta;
            }
            chunks[c] = new ChunkSpan(c, start, end, c * perChunk, (int)(c < entries ? perChunk : footer.Objects - (long)c * perChunk), previous, edges, endEdges,
                c < entries ? last : null);
            start = end;
            previous = last;
            edges = endEdges;
        }
        reader.Section = "index";
        byte endTag = reader.ReadByte();
        if (endTag != HeapFileFormat.EndTag || reader.Position != footer.At)
        {
            throw reader.Damaged($"the chunk index ends at byte {reader.Position - 1}, where the end record should be, right before the footer at byte {footer.At}");
        }
        return chunks;
    }

    private static void ReadType(LoadState state, HeapFileReader reader)
    {
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

    private static HeapFileHeader ReadHeader(HeapFileReader reader)
    {
        Span<byte> magic = stackalloc byte[HeapFileFormat.Magic.Length];
        reader.ReadExactly(magic);
        if (!magic.SequenceEqual(HeapFileFormat.Magic))
        {
            throw new HeapFormatException($"{reader.Path}: not a heap file (bad magic at byte 0)");
        }
        long version = (long)reader.ReadVar();
        if (version < HeapFileFormat.OldestReadableVersion || version > HeapFileFormat.Version)
        {
            throw new HeapFormatException($"{reader.Path}: heap file version {version}; this reader reads versions {HeapFileFormat.OldestReadableVersion} to {HeapFileFormat.Version} (capture the heap again)");
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

    private static HeapFileFooter ReadFooter(HeapFileReader reader, int version)
    {
        int length = HeapFileFormat.FooterLength(version);
        long footerAt = reader.Length - length;
        if (footerAt < reader.Position)
        {
            throw new HeapFormatException($"{reader.Path}: heap file truncated or unfinished: {reader.Length} bytes, no room for a footer after the header at byte {reader.Position}");
        }
        reader.Seek(footerAt);
        reader.Section = "footer";
        Span<byte> footer = stackalloc byte[length];
        reader.ReadExactly(footer);
        if (!footer[(length - 8)..].SequenceEqual(HeapFileFormat.EndMagic))
        {
            throw new HeapFormatException($"{reader.Path}: heap file truncated or unfinished: no footer at byte {footerAt} (the capture may have been interrupted)");
        }
        reader.Section = "header";
        int counts = length - HeapFileFormat.ChecksumBytes - 8;
        return new HeapFileFooter(footerAt, BitConverter.ToInt64(footer[0..8]), BitConverter.ToInt64(footer[8..16]), BitConverter.ToInt64(footer[16..24]),
            BitConverter.ToInt64(footer[24..32]), BitConverter.ToInt64(footer[32..40]), footer[counts..(counts + HeapFileFormat.ChecksumBytes)].ToArray(),
            version == 2 ? 0 : BitConverter.ToInt64(footer[40..48]));
    }

    /// <summary>One chunk of objects: bytes <see cref="Start"/> to <see cref="End"/> (version 2: to the end record), objects
    /// <see cref="FirstId"/>.., references <see cref="FirstEdge"/> to <see cref="EndEdge"/>, the address before its first object, and
    /// (all but the last) the address its last object must have.</summary>
    private readonly record struct ChunkSpan(int Number, long Start, long End, int FirstId, int Objects, ulong Previous, long FirstEdge, long EndEdge, ulong? Last);

    /// <summary>The state of one load: the main reader, the builder, the type table, the string pool and the record counts.</summary>
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

        /// <summary>Filled as type records are read (version 2: while objects are; version 3: before); the builder reads the same array.</summary>
        public HeapType[] Types { get; }

        public HeapGraphBuilder Builder { get; private set; }

        public StringPool Pool { get; private set; } = new();

        public int MaxStringBytes { get; }

        /// <summary>Type records read (version 3: all of them, before the objects).</summary>
        public int TypesRead { get; set; }

        public int RootsRead { get; set; }

        public int SegmentsRead { get; set; }

        /// <summary>A new builder (of whole reference addresses) and pool for a second parse (version 2 reads its types again).</summary>
        public void RestartWide()
        {
            Builder = HeapGraphBuilder.WithWideReferences(Header, Types, (int)Footer.Objects, Footer.Edges);
            Pool = new StringPool();
            RootsRead = 0;
            SegmentsRead = 0;
            if (Header.Version == 2)
            {
                TypesRead = 0;
            }
        }
    }

    /// <summary>Parses the records of one chunk into its part of the builder, checking each as the format's rules say.</summary>
    private sealed class ChunkState(LoadState file, HeapFileReader reader, ChunkSpan chunk, HeapGraphBuilder.Part part, int chunks)
    {
        private ulong _address = chunk.Previous;
        private int _roots;
        private int _segments;

        public void Read()
        {
            reader.Seek(chunk.Start);
            reader.Chunk = chunks > 1 ? chunk.Number : -1;
            reader.Section = "first record";
            bool v2 = file.Header.Version == 2;
            while (true)
            {
                if (!v2 && reader.Position >= chunk.End)
                {
                    if (reader.Position > chunk.End)
                    {
                        throw reader.Damaged($"a record runs past the end of chunk {chunk.Number} at byte {chunk.End} (by the chunk index)");
                    }
                    break;
                }
                byte tag = reader.ReadByte();
                switch (tag)
                {
                    case HeapFileFormat.EndTag when v2:
                        if (reader.Position != file.Footer.At)
                        {
                            throw reader.Damaged($"end record at byte {reader.Position - 1}, but the footer starts at byte {file.Footer.At}");
                        }
                        CheckEnd();
                        return;
                    case HeapFileFormat.TypeTag when v2:
                        ReadType(file, reader);
                        break;
                    case HeapFileFormat.ObjectTag:
                        ReadObject();
                        break;
                    case HeapFileFormat.RootTag:
                        ReadRoot();
                        break;
                    case HeapFileFormat.SegmentTag:
                        ReadSegment();
                        break;
                    default:
                        throw reader.Damaged(v2 ? $"unknown record tag {tag}" : $"record tag {tag} among the objects (only objects, roots and segments come before the types)");
                }
            }
            CheckEnd();
        }

        // The chunk holds what the index (version 2: the footer) says: its objects, its references, and its last object's address.
        private void CheckEnd()
        {
            string by = file.Header.Version == 2 ? "the footer declares" : $"chunk {chunk.Number} holds by the index";
            if (part.Count != chunk.Objects || part.Edge != chunk.EndEdge || (chunk.Last is { } last && _address != last))
            {
                throw reader.Damaged($"{part.Count} objects and {part.Edge - chunk.FirstEdge} references end at 0x{_address:x}, but {by} "
                    + $"{chunk.Objects} objects and {chunk.EndEdge - chunk.FirstEdge} references" + (chunk.Last is { } l ? $" ending at 0x{l:x}" : ""));
            }
            lock (file)
            {
                file.RootsRead += _roots;
                file.SegmentsRead += _segments;
            }
        }

        private void ReadObject()
        {
            int local = part.Count;
            if (local == chunk.Objects)
            {
                throw reader.Damaged(file.Header.Version == 2 ? $"more object records than the {chunk.Objects} the footer declares"
                    : $"more object records than the {chunk.Objects} chunk {chunk.Number} holds by the index");
            }
            int id = chunk.FirstId + local;
            reader.Section = "object";
            reader.Record = id;
            ulong delta = reader.ReadVar();
            if (id > 0 && delta == 0)
            {
                throw reader.Damaged("object address is not above the previous one");
            }
            ulong address = _address + delta;
            if (address < _address)
            {
                throw reader.Damaged("object address overflows 64 bits");
            }
            _address = address;
            int typeIndex = (int)reader.ReadVar(file.TypesRead - 1, "type index (types must be defined before use)");
            var type = file.Types[typeIndex];
            long size = reader.ReadVar(long.MaxValue, "object size");
            int? length = type.IsArrayOrString ? (int)reader.ReadVar(int.MaxValue, "array length") : null;
            bool hasContent = type.IsString && file.Header.StringContents;
            var content = hasContent ? reader.ReadSpan(file.MaxStringBytes, "string contents") : default;
            int? count = type.HasCount ? (int)reader.ReadVar(int.MaxValue, "collection count") : null;
            part.AddObject(address, typeIndex, size, length, count, hasContent, content);
            int refs = (int)reader.ReadVar(chunk.EndEdge - part.Edge, file.Header.Version == 2 ? "reference count (beyond the footer's total)" : "reference count (beyond the chunk's, by the index)");
            int fieldLimit = type.Fields.Count;
            bool withField = !type.IsArray;
            for (int r = 0; r < refs; r++)
            {
                byte field = withField ? (byte)Math.Min(reader.ReadVar(fieldLimit, "field ordinal"), byte.MaxValue) : (byte)0;
                ulong zig = reader.ReadVar();
                long d = (long)(zig >> 1) ^ -(long)(zig & 1);
                part.AddRawChild(unchecked(address + (ulong)d), field);
            }
            if (chunks == 1 && ((id + 1) & (ProgressStep - 1)) == 0)
            {
                file.Progress?.Report(new HeapLoadProgress("read", id + 1, file.Footer.Objects));
            }
        }

        private void ReadRoot()
        {
            if (_roots == file.Footer.Roots)
            {
                throw reader.Damaged($"more root records than the {file.Footer.Roots} the footer declares");
            }
            reader.Section = "root";
            reader.Record = _roots;
            byte kind = reader.ReadByte();
            if (kind > (byte)HeapRootKind.ThreadStatic)
            {
                throw reader.Damaged($"root kind {kind} is unknown");
            }
            ulong address = reader.ReadVar();
            string name = reader.ReadString(HeapFileFormat.MaxNameBytes, "root name");
            part.AddRawRoot(address, (HeapRootKind)kind, name);
            _roots++;
        }

        private void ReadSegment()
        {
            if (_segments == file.Footer.Segments)
            {
                throw reader.Damaged($"more segment records than the {file.Footer.Segments} the footer declares");
            }
            reader.Section = "segment";
            reader.Record = _segments;
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
            part.AddSegment(new HeapSegment(start, length, (HeapGeneration)generation, freeObjects, freeBytes));
            _segments++;
        }
    }
}
