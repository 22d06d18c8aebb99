using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// Encodes and decodes the payload of the dependency log (Dependencies/FORMAT.md): the distinct
/// directive names and the file paths as two front-coded tables, then per file its stamp and its
/// directives as name indexes with flags. Decoding checks every count, index and length before using
/// it; anything out of place is a <see cref="FormatException"/> naming the file and the offset.
/// </summary>
internal static class DependencyLogCodec
{
    /// <summary>Longest path or name accepted, in UTF-8 bytes: the signature database's limit, so every path one holds the other can.</summary>
    public const int MaxStringBytes = Database.SignatureDatabaseCodec.MaxPathBytes;

    /// <summary>Expected bytes per file, to size the writer: a short path suffix, a stamp, a few directives (a generated c-libraries project: 33 at 100k sources).</summary>
    private const int TypicalFileBytes = 36;

    /// <summary>The fewest bytes a file's record takes (size, ticks, directive count).</summary>
    private const int MinRecordBytes = 3;

    private const int AllFlags = DependencyLog.AngleFlag | DependencyLog.NextFlag | DependencyLog.ComputedFlag;

    /// <summary>Encodes the entries (any order; a path given twice keeps its last entry).</summary>
    public static PayloadWriter Encode(IEnumerable<ScanCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var record = new DependencyLogRecord(DependencyLog.Empty);
        foreach (var entry in entries)
        {
            record.Add(entry.Path, entry.Stamp, entry.Directives);
        }

        return Encode(record);
    }

    /// <summary>
    /// The next log from a scan's record: the files of the previous log the scan reached unchanged, merged in byte order
    /// with the files it parsed (a path in both keeps its parsed record, a path parsed twice its later one), and only the
    /// directive names those files use. Both inputs are read where they lie (the previous log's arrays, the record's
    /// arena), so encoding allocates the payload, an int per file for the merged order and one per parsed file for the
    /// sort, and an array per distinct name; no string, no dictionary entry and no array per file.
    /// </summary>
    public static PayloadWriter Encode(DependencyLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.EndAdding();
        var merged = Merge(record);
        var names = new NameMap(record, merged);
        var writer = new PayloadWriter(checked(16 + (merged.Length * TypicalFileBytes)));
        try
        {
            FrontCodedStrings.Write(writer, names.Sorted);
            var previous = record.Previous;
            var paths = new FrontCodedStrings.Writer(writer, merged.Length);
            foreach (var file in merged)
            {
                paths.Add(file >= 0 ? record.PathOf(file) : previous.Paths[~file]);
            }

            var parsed = new List<int>();
            foreach (var file in merged)
            {
                var stamp = file < 0 ? previous.StampAt(~file) : record.Entry(file, parsed);
                var directives = file < 0 ? previous.PackedDirectives(~file) : CollectionsMarshal.AsSpan(parsed);
                writer.WriteVarInt64(stamp.Size);
                writer.WriteVarInt64(stamp.ModifiedTicks);
                writer.WriteVarUInt64((ulong)directives.Length);
                foreach (var packed in directives)
                {
                    writer.WriteVarUInt64((ulong)(file < 0 ? names.FromPrevious(packed) : names.FromRecord(packed)));
                }
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>The files of the next log in byte order of path: a parsed record's index, or the complement (<c>~i</c>) of a kept file of the previous log.</summary>
    private static int[] Merge(DependencyLogRecord record)
    {
        var previous = record.Previous;
        var parsed = record.SortedDistinct(out var order);
        var merged = new int[parsed + record.KeptCount];
        var count = 0;
        var next = 0;
        var kept = NextKept(record, 0);
        while (next < parsed || kept < previous.Count)
        {
            var byPath = next == parsed ? 1 : kept == previous.Count ? -1 : record.PathOf(order[next]).SequenceCompareTo(previous.Paths[kept]);
            if (byPath <= 0)
            {
                merged[count++] = order[next++];
                if (byPath == 0)
                {
                    kept = NextKept(record, kept + 1); // parsed again (its stamp changed while the scan ran): the parse wins
                }
            }
            else
            {
                merged[count++] = ~kept;
                kept = NextKept(record, kept + 1);
            }
        }

        return count == merged.Length ? merged : merged[..count];
    }

    private static int NextKept(DependencyLogRecord record, int from)
    {
        while (from < record.Previous.Count && !record.IsKept(from))
        {
            from++;
        }

        return from;
    }

    /// <summary>
    /// The directive names the next log's files use, sorted in byte order, and the index each name of the previous log
    /// and of the record takes among them (a name in both is one entry).
    /// </summary>
    private sealed class NameMap
    {
        private const int Unused = -1;
        private const int Used = 0;

        private readonly int[] _fromPrevious;
        private readonly int[] _fromRecord;

        public NameMap(DependencyLogRecord record, int[] files)
        {
            var previous = record.Previous;
            _fromPrevious = new int[previous.NameCount];
            _fromRecord = new int[record.NameCount];
            Array.Fill(_fromPrevious, Unused);
            Array.Fill(_fromRecord, Unused);
            var parsed = new List<int>();
            foreach (var file in files)
            {
                if (file < 0)
                {
                    MarkUsed(_fromPrevious, previous.PackedDirectives(~file));
                }
                else
                {
                    record.Entry(file, parsed);
                    MarkUsed(_fromRecord, CollectionsMarshal.AsSpan(parsed));
                }
            }

            // A parsed name the previous log has too becomes that entry (-2 - its index until the indexes are known).
            for (var id = 0; id < _fromRecord.Length; id++)
            {
                if (_fromRecord[id] == Used && previous.Names.IndexOf(record.NameBytes(id)) is >= 0 and var same)
                {
                    _fromPrevious[same] = Used;
                    _fromRecord[id] = -2 - same;
                }
            }

            var used = new List<(byte[] Bytes, int Previous, int Record)>();
            for (var i = 0; i < _fromPrevious.Length; i++)
            {
                if (_fromPrevious[i] == Used)
                {
                    used.Add((previous.Names[i].ToArray(), i, -1));
                }
            }

            for (var id = 0; id < _fromRecord.Length; id++)
            {
                if (_fromRecord[id] == Used)
                {
                    used.Add((record.NameBytes(id), -1, id));
                }
            }

            used.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
            var sorted = new byte[used.Count][];
            for (var k = 0; k < used.Count; k++)
            {
                sorted[k] = used[k].Bytes;
                if (used[k].Previous >= 0)
                {
                    _fromPrevious[used[k].Previous] = k;
                }
                else
                {
                    _fromRecord[used[k].Record] = k;
                }
            }

            for (var id = 0; id < _fromRecord.Length; id++)
            {
                if (_fromRecord[id] < Unused)
                {
                    _fromRecord[id] = _fromPrevious[-2 - _fromRecord[id]];
                }
            }

            Sorted = sorted;
        }

        /// <summary>The names in byte order.</summary>
        public byte[][] Sorted { get; }

        /// <summary>A packed directive of the previous log, with its name's index in <see cref="Sorted"/>.</summary>
        public int FromPrevious(int packed) => Repack(_fromPrevious, packed);

        /// <summary>A packed directive of the record, with its name's index in <see cref="Sorted"/>.</summary>
        public int FromRecord(int packed) => Repack(_fromRecord, packed);

        private static void MarkUsed(int[] map, ReadOnlySpan<int> directives)
        {
            foreach (var packed in directives)
            {
                map[packed >>> DependencyLog.FlagBits] = Used;
            }
        }

        private static int Repack(int[] map, int packed) =>
            (map[packed >>> DependencyLog.FlagBits] << DependencyLog.FlagBits) | (packed & ((1 << DependencyLog.FlagBits) - 1));
    }

    /// <summary>
    /// Decodes a payload. Two passes over the records: the first checks them and counts the directives, so
    /// every array is allocated once at its final size. Throws <see cref="FormatException"/> naming the file and offset.
    /// </summary>
    public static DependencyLog Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var names = FrontCodedStrings.Read(ref reader, MaxStringBytes, "name");
        var paths = FrontCodedStrings.Read(ref reader, MaxStringBytes, "path");
        var count = paths.Count;
        if (count > reader.Remaining / MinRecordBytes)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"payload offset {reader.Position}: {count} files need at least {count * MinRecordBytes} bytes, {reader.Remaining} remain"));
        }

        var sizes = new long[count];
        var ticks = new long[count];
        var starts = new int[count + 1];
        var sizing = reader;
        for (var i = 0; i < count; i++)
        {
            starts[i + 1] = checked(starts[i] + ReadRecord(ref sizing, names.Count, paths, i, out sizes[i], out ticks[i], []));
        }

        if (!sizing.IsAtEnd)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"payload offset {sizing.Position}: {sizing.Remaining} bytes follow the last of {count} files"));
        }

        var directives = new int[starts[count]];
        for (var i = 0; i < count; i++)
        {
            ReadRecord(ref reader, names.Count, paths, i, out _, out _, directives.AsSpan(starts[i], starts[i + 1] - starts[i]));
        }

        return new DependencyLog(names, paths, sizes, ticks, starts, directives);
    }

    /// <summary>Reads one file's record; returns its directive count, and stores the directives when <paramref name="into"/> has room for them.</summary>
    private static int ReadRecord(ref PayloadReader reader, int nameCount, FrontCodedStrings paths, int file, out long size, out long ticks, Span<int> into)
    {
        var offset = reader.Position;
        size = reader.ReadVarInt64();
        ticks = reader.ReadVarInt64();
        if (size < 0)
        {
            throw Error(paths, file, offset, "its size is negative (a missing file is never logged)");
        }

        var count = reader.ReadVarInt32(reader.Remaining, "a directive count");
        if (count > 0 && nameCount == 0)
        {
            throw Error(paths, file, offset, "it has directives but the log has no names");
        }

        var maxPacked = nameCount == 0 ? 0 : ((nameCount - 1) << DependencyLog.FlagBits) | AllFlags;
        for (var d = 0; d < count; d++)
        {
            var packed = reader.ReadVarInt32(maxPacked, "a directive (name index and flags)");
            if (into.Length == count)
            {
                into[d] = packed;
            }
        }

        return count;
    }

    private static FormatException Error(FrontCodedStrings paths, int file, int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"payload offset {offset}: file {file} ('{Encoding.UTF8.GetString(paths[file])}'): {message}"));
}
