namespace Toolkit.Introspection.Heap;

/// <summary>
/// The addresses of all objects, sorted, in 4 bytes per object instead of 8: the low 32 bits
/// per object, and the high 32 bits once per run of objects that share them (a GC region or
/// segment rarely spans a 4 GiB boundary, so there are a handful of runs).
/// </summary>
public sealed class AddressTable
{
    private readonly uint[] _low;
    private readonly int[] _runStart;
    private readonly uint[] _runHigh;

    /// <summary>Builds the table from strictly increasing addresses.</summary>
    public AddressTable(ulong[] sorted)
    {
        _low = new uint[sorted.Length];
        var starts = new List<int>();
        var highs = new List<uint>();
        for (int i = 0; i < sorted.Length; i++)
        {
            uint high = (uint)(sorted[i] >> 32);
            if (highs.Count == 0 || highs[^1] != high)
            {
                starts.Add(i);
                highs.Add(high);
            }
            _low[i] = (uint)sorted[i];
        }
        starts.Add(sorted.Length);
        _runStart = [.. starts];
        _runHigh = [.. highs];
    }

    public int Count => _low.Length;

    public long MemoryBytes => _low.LongLength * 4 + _runStart.LongLength * 4 + _runHigh.LongLength * 4;

    public ulong this[int id]
    {
        get
        {
            int run = Array.BinarySearch(_runStart, id);
            if (run < 0)
            {
                run = ~run - 1;
            }
            return ((ulong)_runHigh[run] << 32) | _low[id];
        }
    }

    /// <summary>Object number at <paramref name="address"/>, or -1.</summary>
    public int IndexOf(ulong address)
    {
        int run = Array.BinarySearch(_runHigh, (uint)(address >> 32));
        if (run < 0)
        {
            return -1;
        }
        int i = Array.BinarySearch(_low, _runStart[run], _runStart[run + 1] - _runStart[run], (uint)address);
        return i >= 0 ? i : -1;
    }
}
