namespace Toolkit.Introspection.Heap;

/// <summary>
/// The addresses of all objects, sorted, in about 4 bytes per object instead of 8: the low 32
/// bits per object, and the high 32 bits once per run of objects that share them (a GC region
/// rarely spans a 4 GiB boundary, so there are a handful of runs). A page index (first object
/// of each 4 KiB page of a run) makes a lookup one index read and a search of at most a page.
/// </summary>
public sealed class AddressTable
{
    // 4 KiB pages: at most ~170 objects (24 bytes minimum) to search in a page.
    private const int PageShift = 12;

    // The page index is built only if it costs at most this many entries per object
    // (a sparse heap spread over a huge range would otherwise pay for empty pages).
    private const int MaxPagesPerObject = 2;

    /// <summary>A reused array is trimmed to the addresses added only when more than 1 slot in this many is unused.</summary>
    internal const int MaxUnusedShare = 8;

    // The first _count slots are used: a table built over a consumed graph's longer array keeps the few unused slots at its end.
    private readonly uint[] _low;
    private readonly int _count;
    private readonly int[] _runStart;
    private readonly uint[] _runHigh;
    private readonly int[] _runPageBase;
    private readonly uint[] _runFirstPage;
    private readonly int[]? _pageFirst;

    /// <summary>Builds the table from strictly increasing addresses.</summary>
    public AddressTable(ulong[] sorted)
        : this(Collect(sorted))
    {
    }

    private AddressTable(Builder built)
    {
        _low = built.Low;
        _count = built.Count;
        _runStart = [.. built.RunStarts, _count];
        _runHigh = [.. built.RunHighs];
        int runs = _runHigh.Length;
        _runPageBase = new int[runs + 1];
        _runFirstPage = new uint[runs];
        long pages = 0;
        for (int r = 0; r < runs; r++)
        {
            _runFirstPage[r] = _low[_runStart[r]] >> PageShift;
            _runPageBase[r] = (int)Math.Min(pages, int.MaxValue);
            pages += (_low[_runStart[r + 1] - 1] >> PageShift) - _runFirstPage[r] + 1;
        }
        _runPageBase[runs] = (int)Math.Min(pages, int.MaxValue);
        if (pages <= (long)MaxPagesPerObject * _count + 1024)
        {
            // _pageFirst[p] = first object at or after the start of page p; one extra entry per run end.
            _pageFirst = new int[pages + runs];
            for (int r = 0; r < runs; r++)
            {
                int objectIndex = _runStart[r];
                int basePage = _runPageBase[r] + r;
                int pageCount = _runPageBase[r + 1] - _runPageBase[r];
                for (int p = 0; p <= pageCount; p++)
                {
                    while (objectIndex < _runStart[r + 1] && (_low[objectIndex] >> PageShift) < _runFirstPage[r] + (ulong)p)
                    {
                        objectIndex++;
                    }
                    _pageFirst[basePage + p] = objectIndex;
                }
            }
        }
    }

    public int Count => _count;

    /// <summary>The low halves, for a consuming reducer that compacts them in place into its own builder (see <see cref="Builder(uint[])"/>).</summary>
    internal uint[] LowHalves => _low;

    public long MemoryBytes => _low.LongLength * 4 + (_pageFirst?.LongLength ?? 0) * 4 + _runStart.LongLength * 12;

    public ulong this[int id]
    {
        get
        {
            int run = _runStart.Length == 2 ? 0 : FindRunOfObject(id);
            return ((ulong)_runHigh[run] << 32) | _low[id];
        }
    }

    /// <summary>Object number at <paramref name="address"/>, or -1. Safe to call from several threads.</summary>
    public int IndexOf(ulong address)
    {
        uint high = (uint)(address >> 32);
        int run = _runHigh.Length == 1 ? (_runHigh[0] == high ? 0 : -1) : Array.BinarySearch(_runHigh, high);
        if (run < 0)
        {
            return -1;
        }
        uint low = (uint)address;
        int from = _runStart[run];
        int to = _runStart[run + 1];
        if (_pageFirst is not null)
        {
            long page = (long)(low >> PageShift) - _runFirstPage[run];
            if (page < 0 || page >= _runPageBase[run + 1] - _runPageBase[run])
            {
                return -1;
            }
            int slot = _runPageBase[run] + run + (int)page;
            from = _pageFirst[slot];
            to = _pageFirst[slot + 1];
        }
        int i = Array.BinarySearch(_low, from, to - from, low);
        return i >= 0 ? i : -1;
    }

    private static Builder Collect(ulong[] sorted)
    {
        var builder = new Builder(sorted.Length);
        foreach (ulong address in sorted)
        {
            builder.Add(address);
        }
        return builder;
    }

    private int FindRunOfObject(int id)
    {
        int run = Array.BinarySearch(_runStart, id);
        return run < 0 ? ~run - 1 : run;
    }

    /// <summary>Collects addresses in increasing order, 4 bytes each (the high halves once per run): the table is then built without an 8-byte-per-object array.</summary>
    public sealed class Builder
    {
        private readonly bool _reused;

        public Builder(int capacity)
        {
            Low = new uint[capacity];
        }

        /// <summary>Fills <paramref name="reuse"/> from the start (a longer array of a graph being consumed: address i is written only
        /// after the old address i was read, as kept objects keep their order); trimmed to the addresses added when built only if
        /// more than 1 slot in <see cref="MaxUnusedShare"/> is unused (trimming copies the array, at the reduce's peak).</summary>
        internal Builder(uint[] reuse)
        {
            Low = reuse;
            _reused = true;
        }

        internal uint[] Low { get; private set; }

        internal List<int> RunStarts { get; } = [];

        internal List<uint> RunHighs { get; } = [];

        public int Count { get; private set; }

        /// <summary>The last address added (0 before the first).</summary>
        public ulong Last { get; private set; }

        public void Add(ulong address)
        {
            uint high = (uint)(address >> 32);
            if (RunHighs.Count == 0 || RunHighs[^1] != high)
            {
                RunStarts.Add(Count);
                RunHighs.Add(high);
            }
            Low[Count++] = (uint)address;
            Last = address;
        }

        /// <summary>Counts <paramref name="count"/> addresses written into <see cref="Low"/> from slot <see cref="Count"/> on by a
        /// chunk filled on its own, with the runs it found (starts absolute, in increasing order) and its last address: chunks
        /// are appended in address order, so a first run that continues the previous chunk's last run is not a new run.</summary>
        internal void AppendChunk(List<int> runStarts, List<uint> runHighs, int count, ulong last)
        {
            for (int r = 0; r < runStarts.Count; r++)
            {
                if (RunHighs.Count == 0 || RunHighs[^1] != runHighs[r])
                {
                    RunStarts.Add(runStarts[r]);
                    RunHighs.Add(runHighs[r]);
                }
            }
            Count += count;
            Last = count > 0 ? last : Last;
        }

        public AddressTable Build()
        {
            if (_reused && Low.Length - Count > Low.Length / MaxUnusedShare)
            {
                Low = Low[..Count];
            }
            return Count == Low.Length || _reused
                ? new AddressTable(this)
                : throw new InvalidOperationException($"{Count} addresses added, {Low.Length} announced");
        }
    }
}
