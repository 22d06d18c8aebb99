namespace Toolkit.Introspection.Heap;

/// <summary>
/// A growable int list that never copies what it holds once past one chunk: it doubles up to <see cref="ChunkSize"/> items
/// (256 KiB), then adds chunks of that size. On a list of tens of millions (the array lengths of a big heap) this saves the
/// doubling's transient three copies (old array, new array, final trimmed copy), at most one chunk of slack instead of half
/// the list; it costs a shift and a mask per read. Read by index, or copied out with <see cref="ToArray"/>.
/// </summary>
public sealed class IntList
{
    // 64K items per chunk: few enough chunks for 2 billion items, little slack, reads stay one indirection.
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private int[][] _chunks = [new int[16]];
    private int _chunkCount = 1;

    public int Count { get; private set; }

    /// <summary>Bytes held (what was allocated, slack included).</summary>
    public long MemoryBytes
    {
        get
        {
            long bytes = _chunks.LongLength * 8;
            for (int c = 0; c < _chunkCount; c++)
            {
                bytes += _chunks[c].LongLength * 4;
            }
            return bytes;
        }
    }

    public int this[int index] => _chunks[index >> ChunkShift][index & ChunkMask];

    public void Add(int value)
    {
        int chunk = Count >> ChunkShift;
        int slot = Count & ChunkMask;
        if (chunk == _chunkCount)
        {
            if (_chunkCount == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }
            _chunks[_chunkCount++] = new int[ChunkSize];
        }
        else if (chunk == 0 && slot == _chunks[0].Length)
        {
            Array.Resize(ref _chunks[0], Math.Min(slot * 2, ChunkSize));
        }
        _chunks[chunk][slot] = value;
        Count++;
    }

    public int[] ToArray()
    {
        var result = new int[Count];
        for (int c = 0; c < _chunkCount; c++)
        {
            int from = c << ChunkShift;
            int length = Math.Min(Count - from, _chunks[c].Length);
            _chunks[c].AsSpan(0, Math.Max(length, 0)).CopyTo(result.AsSpan(from));
        }
        return result;
    }
}
