namespace Toolkit.Introspection.Heap;

/// <summary>
/// A growable int list that never copies what it holds once past one chunk: it doubles up to <see cref="ChunkSize"/> items
/// (64K), then adds chunks of that size. On a list of tens of millions (the array lengths of a big heap) this saves the
/// doubling's transient three copies (old array, new array, final trimmed copy), at most one chunk of slack instead of half
/// the list. Each chunk holds 2-byte values until one outside 0..65535 comes, when that chunk alone widens to 4 bytes: the
/// lengths and counts of a heap (nearly all small) cost 2 bytes each instead of 4, large values (string offsets) 4 as before.
/// It costs a shift, a mask and a null check per read. Read by index, or copied out with <see cref="ToArray"/>.
/// </summary>
public sealed class IntList
{
    // 64K items per chunk: few enough chunks for 2 billion items, little slack, reads stay one indirection.
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    // Chunk c is _wide[c] once widened, else _narrow[c]; exactly one of the two is set for each chunk in use.
    private ushort[]?[] _narrow = [new ushort[16]];
    private int[]?[] _wide = [null];
    private int _chunkCount = 1;

    public int Count { get; private set; }

    /// <summary>Bytes held (what was allocated, slack included).</summary>
    public long MemoryBytes
    {
        get
        {
            long bytes = _narrow.LongLength * 8 + _wide.LongLength * 8;
            for (int c = 0; c < _chunkCount; c++)
            {
                bytes += _wide[c] is { } wide ? wide.LongLength * 4 : _narrow[c]!.LongLength * 2;
            }
            return bytes;
        }
    }

    public int this[int index]
    {
        get
        {
            int chunk = index >> ChunkShift;
            var wide = _wide[chunk];
            return wide is not null ? wide[index & ChunkMask] : _narrow[chunk]![index & ChunkMask];
        }
    }

    public void Add(int value)
    {
        int chunk = Count >> ChunkShift;
        int slot = Count & ChunkMask;
        if (chunk == _chunkCount)
        {
            if (_chunkCount == _narrow.Length)
            {
                Array.Resize(ref _narrow, _narrow.Length * 2);
                Array.Resize(ref _wide, _wide.Length * 2);
            }
            _narrow[_chunkCount++] = new ushort[ChunkSize];
        }
        else if (chunk == 0 && slot == Capacity(0))
        {
            int size = Math.Min(slot * 2, ChunkSize);
            if (_wide[0] is not null)
            {
                Array.Resize(ref _wide[0], size);
            }
            else
            {
                Array.Resize(ref _narrow[0], size);
            }
        }
        if (_wide[chunk] is { } wide)
        {
            wide[slot] = value;
        }
        else if ((uint)value <= ushort.MaxValue)
        {
            _narrow[chunk]![slot] = (ushort)value;
        }
        else
        {
            Widen(chunk)[slot] = value;
        }
        Count++;
    }

    /// <summary>Empties the list, keeping its chunks for the values added next (a list refilled many times allocates once).</summary>
    public void Clear() => Count = 0;

    public int[] ToArray()
    {
        var result = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            result[i] = this[i];
        }
        return result;
    }

    private int Capacity(int chunk) => _wide[chunk]?.Length ?? _narrow[chunk]!.Length;

    // The first value that does not fit in 2 bytes: this chunk (only) moves to 4 bytes per value.
    private int[] Widen(int chunk)
    {
        var narrow = _narrow[chunk]!;
        var wide = new int[narrow.Length];
        for (int i = 0; i < narrow.Length; i++)
        {
            wide[i] = narrow[i];
        }
        _wide[chunk] = wide;
        _narrow[chunk] = null;
        return wide;
    }
}
