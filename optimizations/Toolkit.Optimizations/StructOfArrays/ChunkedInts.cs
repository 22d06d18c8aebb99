using Toolkit.Engine.Graph.Stores;
namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// A growing sequence of ints for the store's logs while loading: the first chunk grows by half as
/// <see cref="ArrayGrowth"/> does up to <see cref="ChunkInts"/> (32 KiB, under the large-object heap's threshold), and
/// from there on every chunk is that size and nothing is copied. A log of E ints allocates about E ints, where one
/// array growing by half allocates about three times its final size over its growth, the last copies on the
/// large-object heap (issue 11: ~40 bytes per node of a 10k-source load for the manifest's edges and as many for the
/// scanned ones). A small graph still pays only its first, small chunk.
/// </summary>
public sealed class ChunkedInts
{
    /// <summary>Ints per full chunk: 8,192 (32 KiB).</summary>
    public const int ChunkInts = 1 << ChunkShift;

    private const int ChunkShift = 13;
    private const int ChunkMask = ChunkInts - 1;

    private readonly List<int[]> _chunks = [];
    private int[] _last = [];
    private int _count;

    /// <summary>Number of ints appended.</summary>
    public int Count => _count;

    /// <summary>The int at <paramref name="index"/> (below <see cref="Count"/>).</summary>
    public int this[int index] => _chunks[index >> ChunkShift][index & ChunkMask];

    /// <summary>Appends one int.</summary>
    public void Add(int value)
    {
        var offset = _count & ChunkMask;
        if (offset == _last.Length || (offset == 0 && _count > 0))
        {
            // The first chunk is full at its size, or a chunk of ChunkInts is (its offset wrapped to 0).
            Grow();
        }

        _last[offset] = value;
        _count++;
    }

    /// <summary>Appends <paramref name="values"/>.</summary>
    public void AddRange(ReadOnlySpan<int> values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    /// <summary>Copies the ints from <paramref name="start"/> on into <paramref name="destination"/> (as many as it holds).</summary>
    public void CopyTo(int start, Span<int> destination)
    {
        while (destination.Length > 0)
        {
            var chunk = _chunks[start >> ChunkShift].AsSpan(start & ChunkMask);
            var length = Math.Min(chunk.Length, destination.Length);
            chunk[..length].CopyTo(destination);
            destination = destination[length..];
            start += length;
        }
    }

    private void Grow()
    {
        if (_chunks.Count == 1 && _last.Length < ChunkInts)
        {
            var first = _last;
            ArrayGrowth.EnsureCapacity(ref first, Math.Min(ChunkInts, first.Length + 1));
            if (first.Length > ChunkInts)
            {
                Array.Resize(ref first, ChunkInts);
            }

            _chunks[0] = _last = first;
            return;
        }

        _last = new int[_chunks.Count == 0 ? ArrayGrowth.MinimumCapacity : ChunkInts];
        _chunks.Add(_last);
    }
}
