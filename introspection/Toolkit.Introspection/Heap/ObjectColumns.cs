namespace Toolkit.Introspection.Heap;

/// <summary>
/// What a heap keeps per object besides its address and references, in columns: the type
/// number (2 bytes while there are at most 65,536 types, else 4), the length of arrays and
/// strings, the count of known collections, the string content's place in the pool. Sizes are
/// not stored: a size is the type's base size plus length times component size, and the rare
/// object that does not follow the rule keeps its own in a side map.
/// </summary>
public sealed class ObjectColumns
{
    private readonly ushort[]? _types16;
    private readonly int[]? _types32;
    private readonly int[] _typeBase;
    private readonly int[] _typeComponent;
    private readonly RankedIntMap _lengths;
    private readonly RankedIntMap _counts;
    private readonly RankedIntMap _stringOffsets;
    private readonly byte[] _stringBlob;
    private readonly RankedIntMap _oddSizes;
    private readonly Dictionary<int, long> _hugeSizes;

    internal ObjectColumns(IReadOnlyList<HeapType> types, ushort[]? types16, int[]? types32, RankedIntMap lengths, RankedIntMap counts,
        RankedIntMap stringOffsets, byte[] stringBlob, RankedIntMap oddSizes, Dictionary<int, long> hugeSizes)
    {
        _types16 = types16;
        _types32 = types32;
        _typeBase = types.Select(t => t.BaseSize).ToArray();
        _typeComponent = types.Select(t => t.IsArrayOrString ? t.ComponentSize : 0).ToArray();
        _lengths = lengths;
        _counts = counts;
        _stringOffsets = stringOffsets;
        _stringBlob = stringBlob;
        _oddSizes = oddSizes;
        _hugeSizes = hugeSizes;
    }

    /// <summary>Bytes of the type, length and odd-size columns.</summary>
    public long CoreBytes => (_types16?.LongLength * 2 ?? _types32!.LongLength * 4) + _lengths.MemoryBytes + _oddSizes.MemoryBytes;

    /// <summary>Bytes of the counts, string offsets and string pool.</summary>
    public long ExtraBytes => _counts.MemoryBytes + _stringOffsets.MemoryBytes + _stringBlob.LongLength;

    /// <summary>The type column (one of the two is set), for a consuming reducer that compacts it in place.</summary>
    internal (ushort[]? Types16, int[]? Types32) TypeArrays => (_types16, _types32);

    /// <summary>The pool of distinct string contents (shared by graphs reduced from this one).</summary>
    internal byte[] StringBlob => _stringBlob;

    public int TypeIndex(int id) => _types16 is not null ? _types16[id] : _types32![id];

    public long Size(int id)
    {
        if (_oddSizes.TryGet(id, out int odd))
        {
            return odd == -1 ? _hugeSizes[id] : odd;
        }
        int t = TypeIndex(id);
        int component = _typeComponent[t];
        return component == 0 ? _typeBase[t] : _typeBase[t] + (long)_lengths.ValueAt(_lengths.IndexOf(id)) * component;
    }

    /// <summary><see cref="Size(int)"/> and <see cref="Length"/> with one lookup of the length column (for a pass over every object).</summary>
    internal long Size(int id, out int? length)
    {
        int rank = _lengths.IndexOf(id);
        length = rank >= 0 ? _lengths.ValueAt(rank) : null;
        if (_oddSizes.TryGet(id, out int odd))
        {
            return odd == -1 ? _hugeSizes[id] : odd;
        }
        int t = TypeIndex(id);
        int component = _typeComponent[t];
        return component == 0 ? _typeBase[t] : _typeBase[t] + (long)_lengths.ValueAt(rank) * component;
    }

    public int? Length(int id) => _lengths.TryGet(id, out int v) ? v : null;

    public int? Count(int id) => _counts.TryGet(id, out int v) ? v : null;

    public int StringContentId(int id) => _stringOffsets.TryGet(id, out int offset) ? offset : -1;

    public ReadOnlySpan<byte> StringBytes(int id)
    {
        int offset = StringContentId(id);
        return offset < 0 ? default : StringPool.Content(_stringBlob, offset);
    }
}
