namespace Toolkit.Introspection.Heap;

/// <summary>
/// Fills a <see cref="HeapGraph"/> object by object, in increasing address order, into arrays
/// sized once from the counts given up front: the loader feeds it from a heap file, the reducer
/// from another graph. References are added either as object numbers (<see cref="AddChild"/>) or
/// as raw addresses resolved, in parallel, when the graph is built (<see cref="AddRawChild"/>,
/// 8 bytes each until then). No list per object, no copy through growable lists.
/// </summary>
public sealed class HeapGraphBuilder
{
    // References resolved per parallel work item: large enough to amortise scheduling.
    private const int ResolveBlock = 1 << 16;

    // The reference arrays (and row starts) are trimmed to what is used only when more than 1 in this many slots is unused: trimming
    // copies them (a second table's worth, at a step's peak) to return what is usually a handful of dropped references or objects.
    private const int MaxUnusedReferenceShare = 8;

    // Distinct high halves of reference addresses coded in one byte (a heap of regions spans a few dozen 4 GiB ranges at most).
    private const int MaxHighCodes = 256;

    private readonly HeapFileHeader _header;
    private readonly HeapType[] _types;
    private readonly AddressTable.Builder _addresses;
    private ushort[]? _types16;
    private int[]? _types32;
    // Not readonly: with the row starts adopted (a consuming reduce), the caller's array replaces it.
    private int[] _childStart;
    // The row starts come with the references (AdoptReferences) and AddObject leaves them alone (the reducer fills its own, or the consumed graph's in place).
    private readonly bool _startsAdopted;
    private int[]? _children;
    // Raw mode: the high half of each reference's address as a code (the low half is in _children), the codes' values, and the
    // code of the last high half seen (consecutive references mostly share it).
    private byte[]? _rawHighCodes;
    private readonly List<uint> _highs = [];
    private uint _lastHigh;
    private byte _lastCode;
    // Raw mode past MaxHighCodes distinct high halves: whole addresses, 8 bytes each.
    private ulong[]? _rawChildren;
    private byte[] _childFields;
    private readonly RankedIntMap.Builder _lengths;
    private readonly RankedIntMap.Builder _counts;
    private readonly RankedIntMap.Builder _strings;
    private readonly RankedIntMap.Builder _oddSizes;
    private readonly Dictionary<int, long> _hugeSizes = [];
    private readonly IntList _rootObjects = new();
    private readonly List<byte> _rootKinds = [];
    private readonly List<ulong> _rawRoots = [];
    private readonly Dictionary<int, string> _rootNames = [];
    private readonly List<HeapSegment> _segments = [];
    private long _edges;

    /// <summary>Prepares arrays for exactly <paramref name="objectCount"/> objects and at most <paramref name="edgeCapacity"/> references.</summary>
    /// <remarks><paramref name="types"/> is kept, not copied: a loader may fill it while objects are added, each type before its first object.</remarks>
    public HeapGraphBuilder(HeapFileHeader header, HeapType[] types, int objectCount, long edgeCapacity, bool rawReferences)
        : this(header, types, objectCount, edgeCapacity, rawReferences, null, startsAdopted: false)
    {
    }

    /// <summary>With <paramref name="reuse"/>, the address and type columns are written into those arrays (of a graph being consumed,
    /// at least <paramref name="objectCount"/> long, read in the same order as written) and trimmed when built: no second copy of
    /// them while both graphs are alive. With <paramref name="startsAdopted"/>, the row starts are not allocated but adopted with the
    /// references (see <see cref="AdoptReferences"/>; a consumed graph's own, rewritten in place).</summary>
    internal HeapGraphBuilder(HeapFileHeader header, HeapType[] types, int objectCount, long edgeCapacity, bool rawReferences,
        (uint[] Low, ushort[]? Types16, int[]? Types32)? reuse, bool startsAdopted)
    {
        _header = header;
        _types = types;
        _addresses = reuse is { } r ? new AddressTable.Builder(r.Low) : new AddressTable.Builder(objectCount);
        if (reuse is { } same)
        {
            _types16 = same.Types16;
            _types32 = same.Types32;
        }
        else if (types.Length <= ushort.MaxValue + 1)
        {
            _types16 = new ushort[objectCount];
        }
        else
        {
            _types32 = new int[objectCount];
        }
        _startsAdopted = startsAdopted;
        _childStart = _startsAdopted ? [] : new int[objectCount + 1];
        _children = new int[edgeCapacity];
        if (rawReferences)
        {
            _rawHighCodes = new byte[edgeCapacity];
        }
        _childFields = new byte[edgeCapacity];
        _lengths = new RankedIntMap.Builder(objectCount);
        _counts = new RankedIntMap.Builder(objectCount);
        _strings = new RankedIntMap.Builder(objectCount);
        _oddSizes = new RankedIntMap.Builder(objectCount);
    }

    /// <summary>Objects added so far (the next object's number).</summary>
    public int ObjectCount => _addresses.Count;

    public long EdgeCount => _edges;

    /// <summary>The contents of strings, in <see cref="StringPool"/> form (set before <see cref="Build"/>).</summary>
    public byte[] StringBlob { get; set; } = [];

    /// <summary>References whose target was not an object (dropped).</summary>
    public long UnresolvedReferences { get; set; }

    /// <summary>What was left out because no root reached it.</summary>
    public HeapUnreachable Unreachable { get; set; } = HeapUnreachable.None;

    /// <summary>Adds the next object (its address above the last one's); lengths, counts and string ids are null when it has none.</summary>
    public int AddObject(ulong address, int type, long size, int? length, int? count, int stringContent)
    {
        int id = _addresses.Count;
        _addresses.Add(address);
        if (_types16 is not null)
        {
            _types16[id] = (ushort)type;
        }
        else
        {
            _types32![id] = type;
        }
        var t = _types[type];
        long expected = t.BaseSize;
        if (length is int l)
        {
            _lengths.Add(id, l);
            expected += t.IsArrayOrString ? (long)l * t.ComponentSize : 0;
        }
        if (count is int c)
        {
            _counts.Add(id, c);
        }
        if (stringContent >= 0)
        {
            _strings.Add(id, stringContent);
        }
        if (size != expected)
        {
            // Sizes are derived from type and length; the rare object that does not follow the rule keeps its own.
            _oddSizes.Add(id, size <= int.MaxValue ? (int)size : -1);
            if (size > int.MaxValue)
            {
                _hugeSizes[id] = size;
            }
        }
        if (!_startsAdopted)
        {
            _childStart[id + 1] = (int)_edges;
        }
        return id;
    }

    /// <summary>Adds a reference of the last object added, to object number <paramref name="child"/>.</summary>
    public void AddChild(int child, byte field)
    {
        _childFields[_edges] = field;
        _children![_edges++] = child;
        _childStart[_addresses.Count] = (int)_edges;
    }

    /// <summary>Adds a reference of the last object added, to an address resolved when the graph is built.</summary>
    public void AddRawChild(ulong address, byte field)
    {
        _childFields[_edges] = field;
        if (_rawChildren is not null)
        {
            _rawChildren[_edges++] = address;
        }
        else
        {
            uint high = (uint)(address >> 32);
            if (high != _lastHigh || _highs.Count == 0)
            {
                if (!CodeHigh(high))
                {
                    AddRawChild(address, field);
                    return;
                }
            }
            _rawHighCodes![_edges] = _lastCode;
            _children![_edges++] = unchecked((int)(uint)address);
        }
        _childStart[_addresses.Count] = (int)_edges;
    }

    // Sets _lastHigh and _lastCode for high half; false (after switching to whole addresses) when there are too many to code.
    private bool CodeHigh(uint high)
    {
        int code = _highs.IndexOf(high);
        if (code < 0)
        {
            if (_highs.Count == MaxHighCodes)
            {
                WidenRawChildren();
                return false;
            }
            code = _highs.Count;
            _highs.Add(high);
        }
        _lastHigh = high;
        _lastCode = (byte)code;
        return true;
    }

    // Too many distinct high halves for a byte code: from now on whole addresses, 8 bytes each.
    private void WidenRawChildren()
    {
        var raw = new ulong[_children!.LongLength];
        for (long e = 0; e < _edges; e++)
        {
            raw[e] = ((ulong)_highs[_rawHighCodes![e]] << 32) | unchecked((uint)_children[e]);
        }
        _rawChildren = raw;
        _rawHighCodes = null;
    }

    /// <summary>Takes <paramref name="starts"/>, <paramref name="children"/> and <paramref name="fields"/> as the references of all
    /// objects (row starts at least one more than the objects), instead of <see cref="AddChild"/> one by one, for a builder made with
    /// its row starts adopted and no reference capacity. The first <paramref name="count"/> references are used (arrays of a consumed
    /// graph, written in place, may be longer).</summary>
    internal void AdoptReferences(int[] starts, int[] children, byte[] fields, int count)
    {
        _childStart = starts;
        _children = children;
        _childFields = fields;
        _edges = count;
    }

    public void AddRoot(int id, HeapRootKind kind, string name)
    {
        if (name.Length > 0)
        {
            _rootNames[_rootObjects.Count] = name;
        }
        _rootObjects.Add(id);
        _rootKinds.Add((byte)kind);
    }

    /// <summary>Adds a root by address, resolved when the graph is built (dropped if no object is there).</summary>
    public void AddRawRoot(ulong address, HeapRootKind kind, string name)
    {
        if (name.Length > 0)
        {
            _rootNames[_rawRoots.Count] = name;
        }
        _rawRoots.Add(address);
        _rootKinds.Add((byte)kind);
    }

    public void AddSegment(HeapSegment segment) => _segments.Add(segment);

    /// <summary>Makes the graph: builds the address table, resolves raw references and roots, trims the reference arrays.</summary>
    public HeapGraph Build()
    {
        var table = _addresses.Build();
        int n = table.Count;
        // A reused type array keeps a few unused slots rather than be copied (see AddressTable.MaxUnusedShare).
        if (_types16 is not null && _types16.Length - n > _types16.Length / AddressTable.MaxUnusedShare)
        {
            _types16 = _types16[..n];
        }
        if (_types32 is not null && _types32.Length - n > _types32.Length / AddressTable.MaxUnusedShare)
        {
            _types32 = _types32[..n];
        }
        if (_rawChildren is not null || _rawHighCodes is not null)
        {
            ResolveChildren(table);
        }
        if (_children!.LongLength - _edges > _children.LongLength / MaxUnusedReferenceShare)
        {
            Array.Resize(ref _children, (int)_edges);
            Array.Resize(ref _childFields, (int)_edges);
        }
        if (_childStart.LongLength - (n + 1) > _childStart.LongLength / MaxUnusedReferenceShare)
        {
            _childStart = _childStart[..(n + 1)];
        }
        var roots = _rawRoots.Count > 0 ? ResolveRoots(table) : new RootTable(n, _rootObjects.ToArray(), [.. _rootKinds], _rootNames);
        var columns = new ObjectColumns(_types, _types16, _types32, _lengths.Build(), _counts.Build(), _strings.Build(), StringBlob, _oddSizes.Build(), _hugeSizes);
        var segments = _segments.OrderBy(s => s.Start).ToArray();
        return new HeapGraph(_header, _types, table, columns, new ReferenceTable(_childStart, _children, _childFields, (int)_edges, n), roots, segments, Unreachable, UnresolvedReferences);
    }

    private void ResolveChildren(AddressTable table)
    {
        var raw = _rawChildren;
        var codes = _rawHighCodes;
        var highs = _highs.Select(h => (ulong)h << 32).ToArray();
        _rawChildren = null;
        _rawHighCodes = null;
        // Resolved in place: the low half's slot (or, with whole addresses, the unused slot) gets the object number.
        var children = _children!;
        long unresolved = 0;
        int blocks = (int)((_edges + ResolveBlock - 1) / ResolveBlock);
        // Lookups only read the table, so blocks resolve in parallel.
        Parallel.For(0, blocks, block =>
        {
            int end = (int)Math.Min((long)(block + 1) * ResolveBlock, _edges);
            long missing = 0;
            for (int e = block * ResolveBlock; e < end; e++)
            {
                ulong address = raw is null ? highs[codes![e]] | unchecked((uint)children[e]) : raw[e];
                int child = table.IndexOf(address);
                missing += child < 0 ? 1 : 0;
                children[e] = child;
            }
            Interlocked.Add(ref unresolved, missing);
        });
        _children = children;
        if (unresolved > 0)
        {
            DropUnresolved(table.Count);
        }
        UnresolvedReferences += unresolved;
    }

    // References to addresses that are not objects of the heap are dropped, in place.
    private void DropUnresolved(int objectCount)
    {
        int kept = 0;
        for (int id = 0; id < objectCount; id++)
        {
            int from = _childStart[id];
            int to = _childStart[id + 1];
            _childStart[id] = kept;
            for (int e = from; e < to; e++)
            {
                if (_children![e] >= 0)
                {
                    _childFields[kept] = _childFields[e];
                    _children[kept++] = _children[e];
                }
            }
        }
        _childStart[objectCount] = kept;
        _edges = kept;
    }

    private RootTable ResolveRoots(AddressTable table)
    {
        var ids = new IntList();
        var kinds = new List<byte>();
        var names = new Dictionary<int, string>();
        for (int r = 0; r < _rawRoots.Count; r++)
        {
            int id = table.IndexOf(_rawRoots[r]);
            if (id >= 0)
            {
                if (_rootNames.TryGetValue(r, out var name))
                {
                    names[ids.Count] = name;
                }
                ids.Add(id);
                kinds.Add(_rootKinds[r]);
            }
        }
        return new RootTable(table.Count, ids.ToArray(), [.. kinds], names);
    }
}
