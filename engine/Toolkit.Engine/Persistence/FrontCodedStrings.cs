using System.Globalization;
using System.Text.Unicode;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// A sorted table of UTF-8 strings (paths, names) as a payload stores it, front-coded: each entry is the
/// length it shares with the one before, then its new suffix. Read back flat, as one byte array and one
/// start offset per entry, so loading makes no string per entry; <see cref="IndexOf"/> finds an entry by
/// binary search over the bytes. Saves, against a dictionary of strings, the string object (about
/// 20 bytes of header plus two bytes per character) and the dictionary entry per entry; costs a
/// binary search (log2 n comparisons of short spans) per lookup.
/// Format: <c>varint count</c>, then per entry <c>varint shared</c>, <c>varint suffixLength</c>,
/// <c>suffix</c>; entries strictly increasing in byte order, each valid UTF-8.
/// </summary>
public sealed class FrontCodedStrings
{
    /// <summary>The fewest bytes an entry takes (two one-byte varints): bounds a claimed count before anything is allocated.</summary>
    private const int MinEntryBytes = 2;

    private readonly byte[] _bytes;
    private readonly int[] _starts;

    private FrontCodedStrings(byte[] bytes, int[] starts)
    {
        _bytes = bytes;
        _starts = starts;
    }

    /// <summary>The empty table.</summary>
    public static FrontCodedStrings Empty { get; } = new([], [0]);

    /// <summary>Number of entries.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>Bytes held (the entries' UTF-8 and their offsets).</summary>
    public long HeldBytes => _bytes.Length + ((long)_starts.Length * sizeof(int));

    /// <summary>The UTF-8 bytes of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The index of <paramref name="key"/> (UTF-8), or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> key)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = this[middle].SequenceCompareTo(key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>Writes <paramref name="sorted"/> (strictly increasing in byte order) front-coded.</summary>
    public static void Write(PayloadWriter writer, IReadOnlyList<byte[]> sorted)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sorted);
        var table = new Writer(writer, sorted.Count);
        foreach (var entry in sorted)
        {
            table.Add(entry);
        }
    }

    /// <summary>
    /// Writes a table entry by entry, for strings that are not in one array (the dependency log merges its previous
    /// table with new paths): the count first, then each <see cref="Add"/> in strictly increasing byte order. Each
    /// entry must stay readable until the next is added (it is the next one's prefix).
    /// </summary>
    public ref struct Writer
    {
        private readonly PayloadWriter _writer;
        private ReadOnlySpan<byte> _previous;

        /// <summary>Starts a table of <paramref name="count"/> entries.</summary>
        public Writer(PayloadWriter writer, int count)
        {
            ArgumentNullException.ThrowIfNull(writer);
            _writer = writer;
            _previous = [];
            writer.WriteVarUInt64((ulong)count);
        }

        /// <summary>Writes the next entry.</summary>
        public void Add(ReadOnlySpan<byte> entry) => WriteEntry(_writer, entry, ref _previous);
    }

    private static void WriteEntry(PayloadWriter writer, ReadOnlySpan<byte> entry, ref ReadOnlySpan<byte> previous)
    {
        var shared = entry.CommonPrefixLength(previous);
        writer.WriteVarUInt64((ulong)shared);
        writer.WriteVarUInt64((ulong)(entry.Length - shared));
        writer.WriteBytes(entry[shared..]);
        previous = entry;
    }

    /// <summary>
    /// Reads a table written by a <c>Write</c>, each entry at most <paramref name="maxEntryBytes"/>. Two passes:
    /// the first checks the lengths and sums them, so the byte array is allocated once at its final size.
    /// Throws <see cref="FormatException"/> naming <paramref name="what"/>, the entry and the offset.
    /// </summary>
    public static FrontCodedStrings Read(ref PayloadReader reader, int maxEntryBytes, string what)
    {
        var count = reader.ReadVarInt32(reader.Remaining / MinEntryBytes, $"the {what} count");
        var sizing = reader;
        long total = 0;
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var shared = sizing.ReadVarInt32(length, $"{what} {i}'s shared prefix length");
            var suffix = sizing.ReadVarInt32(maxEntryBytes - shared, $"{what} {i}'s suffix length");
            sizing.ReadBytes(suffix);
            length = shared + suffix;
            total += length;
        }

        if (total > Array.MaxLength)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the {what} table needs {total} bytes, more than an array holds"));
        }

        var bytes = new byte[total];
        var starts = new int[count + 1];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var offset = reader.Position;
            var shared = reader.ReadVarInt32(maxEntryBytes, "a shared prefix length");
            var suffix = reader.ReadVarInt32(maxEntryBytes, "a suffix length");
            starts[i] = at;
            if (i > 0)
            {
                bytes.AsSpan(starts[i - 1], shared).CopyTo(bytes.AsSpan(at));
            }

            reader.ReadBytes(suffix).CopyTo(bytes.AsSpan(at + shared));
            at += shared + suffix;
            var entry = bytes.AsSpan(starts[i], shared + suffix);
            if (!Utf8.IsValid(entry))
            {
                throw Error(what, i, offset, "is not valid UTF-8");
            }

            if (i > 0 && bytes.AsSpan(starts[i - 1], starts[i] - starts[i - 1]).SequenceCompareTo(entry) >= 0)
            {
                throw Error(what, i, offset, "does not sort after the one before (duplicate or out of order)");
            }
        }

        starts[count] = at;
        return new FrontCodedStrings(bytes, starts);
    }

    private static FormatException Error(string what, int entry, int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"payload offset {offset}: {what} {entry} {message}"));
}
