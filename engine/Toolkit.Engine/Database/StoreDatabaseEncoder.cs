using System.Globalization;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Database;

/// <summary>
/// Encodes a signature database payload (Database/FORMAT.md) straight from a node store: each saved node's path
/// is copied once as UTF-8 into a <see cref="ByteArena"/> (<see cref="NodeStore.CopyPathUtf8"/>, no string for a store
/// that keeps paths as bytes; fixed chunks, so no array sized by a guess and grown by copying on the large object heap), the
/// nodes are sorted by those bytes in the order the decoder checks (UTF-16 ordinal), and the entries are front-coded
/// <see cref="CheckedFileWriter.PartBytes"/> at a time, each part handed on (<see cref="Encode(Action{ReadOnlySpan{byte}})"/>) before the next
/// is encoded: a save hashes the parts to see whether anything changed, then encodes them again into the file
/// (<see cref="CheckedFileWriter"/>), so the payload is never whole in memory. Saves what a <see cref="SignatureDatabase"/>
/// built for a save costs (a dictionary entry, a path string and a sorted-array slot per entry, ~150 bytes at 200k nodes)
/// and the payload itself (~44 bytes per entry, ~9 MB at 200k nodes, when a full build is at its largest); costs the arena
/// (the paths' bytes and a start per node), 4 bytes per node for the sorted ids, and a second encoding when the file is
/// written. The bytes are those <see cref="SignatureDatabase.Save"/> writes for the same entries.
/// </summary>
internal sealed class StoreDatabaseEncoder
{
    private readonly ByteArena _arena;
    private readonly int[] _saved;
    private readonly int _count;
    private readonly Func<int, NodeInfo> _infoOf;

    private StoreDatabaseEncoder(ByteArena arena, int[] saved, int count, Func<int, NodeInfo> infoOf)
    {
        _arena = arena;
        _saved = saved;
        _count = count;
        _infoOf = infoOf;
    }

    /// <summary>Entries the payload holds.</summary>
    public int Count => _count;

    /// <summary>Sorts the nodes <paramref name="infoOf"/> gives an info for (<see cref="NodeInfo.None"/> = not saved) by path.</summary>
    public static StoreDatabaseEncoder Prepare(NodeStore store, Func<int, NodeInfo> infoOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(infoOf);
        // The arena holds every node's path by node id (an empty entry, 4 bytes, for a node not saved), so the saved nodes
        // sort in place by their paths: no index array beside them.
        var saved = new int[store.Count];
        var count = 0;
        var arena = new ByteArena();
        byte[] path = [];
        for (var node = 0; node < store.Count; node++)
        {
            if (infoOf(node).IsNone)
            {
                arena.Add([]);
                continue;
            }

            saved[count++] = node;
            var bytes = store.PathUtf8(node, ref path);
            CheckLength(store, node, bytes.Length);
            arena.Add(bytes);
        }

        Array.Sort(saved, 0, count, new ArenaOrder(arena));
        return new StoreDatabaseEncoder(arena, saved, count, infoOf);
    }

    /// <summary>The whole payload in one writer (for a caller that needs it whole; a save writes it in parts).</summary>
    public static PayloadWriter Encode(NodeStore store, Func<int, NodeInfo> infoOf)
    {
        var encoder = Prepare(store, infoOf);
        var whole = new PayloadWriter(checked(16 + (encoder.Count * SignatureDatabaseCodec.TypicalEntryBytes)));
        try
        {
            encoder.Encode(whole.WriteBytes);
            return whole;
        }
        catch
        {
            whole.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Encodes the payload, handing it to <paramref name="part"/> in order, a part of about <see cref="CheckedFileWriter.PartBytes"/> at a time
    /// (the span is valid during the call). Every call gives the same bytes, so a save can count and hash, then write.
    /// </summary>
    public void Encode(Action<ReadOnlySpan<byte>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var writer = new PayloadWriter(CheckedFileWriter.PartBytes + CheckedFileWriter.EntryRoom);
        writer.WriteVarUInt64((ulong)_count);
        ReadOnlySpan<byte> previous = default;
        foreach (var node in _saved.AsSpan(0, _count))
        {
            var bytes = _arena.Get(node);
            var shared = bytes.CommonPrefixLength(previous);
            writer.WriteVarUInt64((ulong)shared);
            writer.WriteVarUInt64((ulong)(bytes.Length - shared));
            writer.WriteBytes(bytes[shared..]);
            SignatureDatabaseCodec.WriteInfo(writer, _infoOf(node));
            previous = bytes;
            writer.FlushTo(part, CheckedFileWriter.PartBytes);
        }

        writer.FlushTo(part);
    }

    /// <summary>
    /// UTF-8 byte order is code point order; the database's order (string ordinal, as the decoder checks it) is
    /// UTF-16 code unit order. They differ only where one character is U+E000..U+FFFF (lead byte 0xEE or 0xEF) and
    /// the other is beyond U+FFFF (lead 0xF0..0xF4, a surrogate pair, below U+E000 in UTF-16). Where two valid
    /// UTF-8 strings first differ in their lead bytes, that byte is where the comparison is decided.
    /// </summary>
    internal static int CompareUtf16Order(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var i = a.CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length - b.Length;
        }

        int x = a[i], y = b[i];
        if (x >= 0xEE && y >= 0xEE && (x >= 0xF0) != (y >= 0xF0))
        {
            return x >= 0xF0 ? -1 : 1;
        }

        return x - y;
    }

    private static void CheckLength(NodeStore store, int node, int length)
    {
        if (length > SignatureDatabaseCodec.MaxPathBytes)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"path is {length} UTF-8 bytes, longer than the database's limit of {SignatureDatabaseCodec.MaxPathBytes}: {store.GetPath(node)[..80]}..."));
        }
    }

    private sealed class ArenaOrder(ByteArena arena) : IComparer<int>
    {
        public int Compare(int x, int y) => CompareUtf16Order(arena.Get(x), arena.Get(y));
    }
}
