namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// An open-addressing hash table of node ids (linear probing, power-of-two capacity): one int per
/// slot and nothing else, so the keys (directory id and name) are read from the store's own arrays
/// and never copied. Against a Dictionary&lt;string, int&gt; it saves the entry (24 bytes: hash, next,
/// key reference, value) and the key string itself; it costs a probe that compares names.
/// The caller walks a probe sequence with <see cref="StartSlot"/>, <see cref="IdAt"/> and
/// <see cref="NextSlot"/> and checks each id against its key. Reading is thread-safe once
/// inserting has stopped.
/// </summary>
public sealed class NodeIdHashTable
{
    /// <summary>
    /// Inserting grows the table past this fill (in percent). Linear probing stays short up to about
    /// 75 %; 4 bytes per slot makes the table 5.3 to 10.7 bytes per node between growths.
    /// </summary>
    public const int MaxLoadPercent = 75;

    /// <summary>The first capacity (a power of two).</summary>
    public const int InitialCapacity = 64;

    private int[] _slots; // node id + 1; 0 = empty
    private int _count;

    /// <summary>Creates an empty table.</summary>
    public NodeIdHashTable()
    {
        _slots = new int[InitialCapacity];
    }

    /// <summary>Number of ids.</summary>
    public int Count => _count;

    /// <summary>Number of slots.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Where the probe sequence for <paramref name="hash"/> starts.</summary>
    public int StartSlot(uint hash) => (int)(hash & (uint)(_slots.Length - 1));

    /// <summary>The slot after <paramref name="slot"/> in a probe sequence.</summary>
    public int NextSlot(int slot) => (slot + 1) & (_slots.Length - 1);

    /// <summary>The id in a slot, or -1 when the slot is empty (the end of the probe sequence).</summary>
    public int IdAt(int slot) => _slots[slot] - 1;

    /// <summary>
    /// Adds an id that is not in the table yet; grows the table first when it would pass
    /// <see cref="MaxLoadPercent"/>, re-hashing every id with <paramref name="hashOf"/>.
    /// </summary>
    public void Insert(uint hash, int id, Func<int, uint> hashOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if ((long)(_count + 1) * 100 > (long)_slots.Length * MaxLoadPercent)
        {
            Resize(_slots.Length * 2, hashOf);
        }

        Place(_slots, hash, id);
        _count++;
    }

    private void Resize(int capacity, Func<int, uint> hashOf)
    {
        if (capacity <= 0 || capacity > Array.MaxLength)
        {
            throw new InvalidOperationException($"the node hash table cannot grow past {_slots.Length} slots");
        }

        var grown = new int[capacity];
        foreach (var entry in _slots)
        {
            if (entry != 0)
            {
                Place(grown, hashOf(entry - 1), entry - 1);
            }
        }

        _slots = grown;
    }

    private static void Place(int[] slots, uint hash, int id)
    {
        var mask = slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = id + 1;
    }
}
