using System.Numerics;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A map from object number to an int for the objects that have one (array lengths, collection
/// counts, string offsets, odd sizes): a presence bit per object plus a running count per 64
/// objects (0.19 bytes per object), and 4 bytes per entry kept in the builder's chunked list (never
/// copied to a trimmed array, so building costs no second copy); O(1) lookup by popcount, no per-entry object.
/// </summary>
public sealed class RankedIntMap
{
    private readonly ulong[] _bits;
    private readonly int[] _rankBefore;
    private readonly IntList _values;

    private RankedIntMap(ulong[] bits, int[] rankBefore, IntList values)
    {
        _bits = bits;
        _rankBefore = rankBefore;
        _values = values;
    }

    public int Count => _values.Count;

    public long MemoryBytes => _bits.LongLength * 8 + _rankBefore.LongLength * 4 + _values.MemoryBytes;

    public int ValueAt(int rank) => _values[rank];

    /// <summary>Rank of <paramref name="id"/> among the entries, or -1 when it has none.</summary>
    public int IndexOf(int id)
    {
        int word = id >> 6;
        ulong bit = 1UL << id;
        if (word >= _bits.Length || (_bits[word] & bit) == 0)
        {
            return -1;
        }
        return _rankBefore[word] + BitOperations.PopCount(_bits[word] & (bit - 1));
    }

    public bool TryGet(int id, out int value)
    {
        int rank = IndexOf(id);
        value = rank >= 0 ? _values[rank] : 0;
        return rank >= 0;
    }

    /// <summary>The object numbers that have an entry, in increasing order.</summary>
    public IEnumerable<int> Ids()
    {
        for (int w = 0; w < _bits.Length; w++)
        {
            ulong word = _bits[w];
            while (word != 0)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    /// <summary>Collects entries in increasing id order.</summary>
    public sealed class Builder(int objectCount)
    {
        private readonly ulong[] _bits = new ulong[(objectCount + 63) / 64];
        private readonly IntList _values = new();

        public void Add(int id, int value)
        {
            _bits[id >> 6] |= 1UL << id;
            _values.Add(value);
        }

        /// <summary>Marks <paramref name="id"/> as having an entry whose value comes later (<see cref="AddValue"/>, in id order):
        /// chunks of objects filled in parallel mark their own words of the bit map (chunks start at multiples of 64) and give
        /// their values in chunk order.</summary>
        internal void Mark(int id) => _bits[id >> 6] |= 1UL << id;

        internal void AddValue(int value) => _values.Add(value);

        public RankedIntMap Build()
        {
            var rank = new int[_bits.Length];
            int total = 0;
            for (int w = 0; w < _bits.Length; w++)
            {
                rank[w] = total;
                total += BitOperations.PopCount(_bits[w]);
            }
            return new RankedIntMap(_bits, rank, _values);
        }
    }
}
