namespace Toolkit.Introspection.Heap;

/// <summary>
/// A map from object number to an int for the few objects that have the value (array lengths,
/// collection counts, string offsets): two sorted arrays, 8 bytes per entry, no per-entry object.
/// </summary>
public sealed class SparseIntMap
{
    private readonly int[] _ids;
    private readonly int[] _values;

    public SparseIntMap(int[] ids, int[] values)
    {
        _ids = ids;
        _values = values;
    }

    public static SparseIntMap Empty { get; } = new([], []);

    public int Count => _ids.Length;

    public long MemoryBytes => (_ids.LongLength + _values.LongLength) * sizeof(int);

    public int IdAt(int index) => _ids[index];

    public int ValueAt(int index) => _values[index];

    /// <summary>Index of <paramref name="id"/> in the map, or a negative number.</summary>
    public int IndexOf(int id) => Array.BinarySearch(_ids, id);

    public bool TryGet(int id, out int value)
    {
        int i = Array.BinarySearch(_ids, id);
        value = i >= 0 ? _values[i] : 0;
        return i >= 0;
    }
}
