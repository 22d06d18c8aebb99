namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// Byte strings by index (the struct-of-arrays store's names, the dependency log's records while a scan runs) in an
/// arena of fixed chunks with a packed start per string: a string costs its bytes plus 4 bytes, against an object per
/// string (a string's 20-26 bytes of header and length plus 2 bytes per char, or an array's 24) and the reference to it.
/// Strings are appended in index order and never change.
/// Saves, beside one growing array: the arena never copies as it grows, and its chunks stay below the large object
/// heap's threshold, so the collector compacts them instead of leaving the old copies as free space on the large object
/// heap (at 10k sources a dry run's growing name array left ~1.1 MB there: 136, 205, 307 and 461 KB). Costs: a string
/// does not span chunks, so a chunk's tail too short for the next string stays unused (at most a string's length per
/// chunk), and <see cref="Get"/> reads one more entry to find where the string ends.
/// Not thread-safe for appending; reading is safe from many threads once appending has stopped.
/// </summary>
public sealed class ByteArena
{
    /// <summary>
    /// Bytes per chunk: 64 KiB, below the large object heap's 85,000-byte threshold (so chunks are compacted like any
    /// small object), and a power of two so that a start packs as (chunk, position) in 16 + 16 bits.
    /// </summary>
    public const int ChunkBytes = 1 << PositionBits;

    private const int PositionBits = 16;

    /// <summary>Chunks addressable by a packed start's upper 16 bits.</summary>
    private const int MaxChunks = 1 << 16;

    private readonly List<byte[]> _chunks = [];
    private readonly List<int> _used = []; // bytes used in each chunk; a chunk of its own for a name longer than ChunkBytes
    private int[] _starts = []; // (chunk << 16) | position in the chunk, read as unsigned
    private int _count;
    private long _length;

    /// <summary>Number of strings.</summary>
    public int Count => _count;

    /// <summary>Bytes used by all strings.</summary>
    public int ByteCount => (int)Math.Min(int.MaxValue, _length);

    /// <summary>Appends a string; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> name)
    {
        var last = _chunks.Count - 1;
        if (last < 0 || _used[last] + name.Length > _chunks[last].Length || _used[last] >= ChunkBytes)
        {
            if (_chunks.Count == MaxChunks)
            {
                throw new InvalidOperationException("the byte arena is full: more than 4 GB of strings");
            }

            _chunks.Add(new byte[Math.Max(ChunkBytes, name.Length)]);
            _used.Add(0);
            last++;
        }

        var position = _used[last];
        name.CopyTo(_chunks[last].AsSpan(position));
        _used[last] = position + name.Length;
        ArrayGrowth.EnsureCapacity(ref _starts, _count + 1);
        _starts[_count] = (int)(((uint)last << PositionBits) | (uint)position);
        _length += name.Length;
        return _count++;
    }

    /// <summary>The bytes of string <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Get(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"no string {index} (there are {_count})");
        }

        var start = (uint)_starts[index];
        var chunk = (int)(start >> PositionBits);
        var position = (int)(start & (ChunkBytes - 1));
        var end = index + 1 < _count && (uint)_starts[index + 1] >> PositionBits == chunk
            ? (int)((uint)_starts[index + 1] & (ChunkBytes - 1))
            : _used[chunk];
        return _chunks[chunk].AsSpan(position, end - position);
    }

    /// <summary>Cuts the last chunk and the starts to what is used.</summary>
    public void Trim()
    {
        if (_chunks.Count > 0)
        {
            var last = _chunks[^1];
            ArrayGrowth.Trim(ref last, _used[^1]);
            _chunks[^1] = last;
        }

        _chunks.TrimExcess();
        _used.TrimExcess();
        ArrayGrowth.Trim(ref _starts, _count);
    }
}
