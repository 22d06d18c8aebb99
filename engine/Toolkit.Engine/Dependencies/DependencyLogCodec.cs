using System.Globalization;
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

    /// <summary>Expected bytes per file, to size the writer: a short path suffix, a stamp, a few directives.</summary>
    private const int TypicalFileBytes = 24;

    /// <summary>The fewest bytes a file's record takes (size, ticks, directive count).</summary>
    private const int MinRecordBytes = 3;

    private const int AllFlags = DependencyLog.AngleFlag | DependencyLog.NextFlag | DependencyLog.ComputedFlag;

    /// <summary>Encodes the entries (any order; a path given twice keeps its last entry).</summary>
    public static PayloadWriter Encode(IEnumerable<ScanCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Encode(entries as ScanCacheEntry[] ?? entries.ToArray());
    }

    /// <summary>
    /// As <see cref="Encode(IEnumerable{ScanCacheEntry})"/> from an array the caller sized: the paths are encoded into one
    /// UTF-8 array and sorted as indexes into it, so encoding allocates no dictionary, no list growing by doubling and
    /// no array per path (before: ~150 bytes per node at 10k sources; now about the log's UTF-8 paths and four ints per file).
    /// </summary>
    public static PayloadWriter Encode(ScanCacheEntry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new string[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            paths[i] = entries[i].Path;
            foreach (var directive in entries[i].Directives)
            {
                names.TryAdd(directive.Name, 0);
            }
        }

        var nameTexts = new string[names.Count];
        names.Keys.CopyTo(nameTexts, 0);
        var sortedNames = new SortedUtf8(nameTexts);
        for (var i = 0; i < nameTexts.Length; i++)
        {
            names[nameTexts[sortedNames.Order[i]]] = i;
        }

        var sortedPaths = new SortedUtf8(paths);
        var files = sortedPaths.KeepLastOfEqual();
        var writer = new PayloadWriter(checked(16 + (files * TypicalFileBytes)));
        try
        {
            sortedNames.Write(writer, nameTexts.Length);
            sortedPaths.Write(writer, files);
            foreach (var index in sortedPaths.Order.AsSpan(0, files))
            {
                var entry = entries[index];
                writer.WriteVarInt64(entry.Stamp.Size);
                writer.WriteVarInt64(entry.Stamp.ModifiedTicks);
                writer.WriteVarUInt64((ulong)entry.Directives.Length);
                foreach (var directive in entry.Directives)
                {
                    writer.WriteVarUInt64((ulong)Pack(names[directive.Name], directive));
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

    private static int Pack(int name, IncludeDirective directive) =>
        (name << DependencyLog.FlagBits)
        | (directive.IsAngle ? DependencyLog.AngleFlag : 0)
        | (directive.IsNext ? DependencyLog.NextFlag : 0)
        | (directive.IsComputed ? DependencyLog.ComputedFlag : 0);

    /// <summary>
    /// Strings encoded once into one UTF-8 array, with the indexes that sort them in byte order (the order lookups
    /// binary-search in; equal strings by their index, so the last given of a path is the last of its run).
    /// </summary>
    private sealed class SortedUtf8
    {
        private readonly string[] _texts;
        private readonly byte[] _bytes;
        private readonly int[] _offsets;

        public SortedUtf8(string[] texts)
        {
            _texts = texts;
            _offsets = new int[texts.Length + 1];
            for (var i = 0; i < texts.Length; i++)
            {
                var length = Encoding.UTF8.GetByteCount(texts[i]);
                if (length > MaxStringBytes)
                {
                    throw new InvalidOperationException($"'{texts[i][..80]}...' is {length} UTF-8 bytes, longer than the dependency log's limit of {MaxStringBytes}");
                }

                _offsets[i + 1] = checked(_offsets[i] + length);
            }

            _bytes = new byte[_offsets[texts.Length]];
            for (var i = 0; i < texts.Length; i++)
            {
                Encoding.UTF8.GetBytes(texts[i], _bytes.AsSpan(_offsets[i]));
            }

            Order = new int[texts.Length];
            for (var i = 0; i < Order.Length; i++)
            {
                Order[i] = i;
            }

            Array.Sort(Order, (a, b) => Bytes(a).SequenceCompareTo(Bytes(b)) is var order and not 0 ? order : a.CompareTo(b));
        }

        /// <summary>The strings' indexes in byte order.</summary>
        public int[] Order { get; }

        /// <summary>Drops all but the last of each run of equal strings from <see cref="Order"/>; returns how many are left.</summary>
        public int KeepLastOfEqual()
        {
            var kept = 0;
            for (var i = 0; i < Order.Length; i++)
            {
                if (i + 1 == Order.Length || !string.Equals(_texts[Order[i]], _texts[Order[i + 1]], StringComparison.Ordinal))
                {
                    Order[kept++] = Order[i];
                }
            }

            return kept;
        }

        /// <summary>Writes the first <paramref name="count"/> strings of <see cref="Order"/> front-coded.</summary>
        public void Write(PayloadWriter writer, int count) => FrontCodedStrings.Write(writer, _bytes, _offsets, Order.AsSpan(0, count));

        private ReadOnlySpan<byte> Bytes(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);
    }

    private static FormatException Error(FrontCodedStrings paths, int file, int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"payload offset {offset}: file {file} ('{Encoding.UTF8.GetString(paths[file])}'): {message}"));
}
