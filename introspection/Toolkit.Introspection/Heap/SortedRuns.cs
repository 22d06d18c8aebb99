namespace Toolkit.Introspection.Heap;

/// <summary>
/// Values keyed by address, sorted by address, for a caller that meets addresses in increasing order (the heap walk): a cursor
/// moves forward through the keys, so finding whether an address is a key costs no hash lookup per address. Built once from a
/// dictionary (its keys are unique); two arrays of its size.
/// </summary>
internal sealed class SortedRuns<T>
{
    private readonly ulong[] _keys;
    private readonly T[] _values;

    public SortedRuns(IReadOnlyDictionary<ulong, T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _keys = [.. source.Keys];
        _values = new T[_keys.Length];
        Array.Sort(_keys);
        for (int i = 0; i < _keys.Length; i++)
        {
            _values[i] = source[_keys[i]];
        }
    }

    /// <summary>None.</summary>
    public static SortedRuns<T> Empty { get; } = new(new Dictionary<ulong, T>());

    public int Count => _keys.Length;

    /// <summary>The cursor of the first key at or after <paramref name="address"/>.</summary>
    public int IndexAtOrAfter(ulong address)
    {
        int at = Array.BinarySearch(_keys, address);
        return at >= 0 ? at : ~at;
    }

    /// <summary>Moves <paramref name="cursor"/> past the keys below <paramref name="address"/>; true with the value when <paramref name="address"/>
    /// is a key. Called with addresses that never decrease, the cursor passes each key once.</summary>
    public bool TryAdvanceTo(ulong address, ref int cursor, out T value)
    {
        while (cursor < _keys.Length && _keys[cursor] < address)
        {
            cursor++;
        }
        if (cursor < _keys.Length && _keys[cursor] == address)
        {
            value = _values[cursor];
            return true;
        }
        value = default!;
        return false;
    }
}
