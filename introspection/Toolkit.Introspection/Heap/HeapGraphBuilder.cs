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

    /// <summary>A builder whose raw references are whole addresses (8 bytes each) from the start, for a load that found more
    /// distinct high halves than a byte codes.</summary>
    internal static HeapGraphBuilder WithWideReferences(HeapFileHeader header, HeapType[] types, int objectCount, long edgeCapacity)
    {
        var builder = new HeapGraphBuilder(header, types, objectCount, edgeCapacity, rawReferences: true);
        builder._rawHighCodes = null;
        builder._rawChildren = new ulong[edgeCapacity];
        return builder;
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
        SetType(id, type);
        long expected = ExpectedSize(type, length);
        if (length is int l)
        {
            _lengths.Add(id, l);
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void SetType(int id, int type)
    {
        if (_types16 is not null)
        {
            _types16[id] = (ushort)type;
        }
        else
        {
            _types32![id] = type;
        }
    }

    // The size the type and length give (an object whose size differs keeps its own, as an odd size).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private long ExpectedSize(int type, int? length)
    {
        var t = _types[type];
        return t.BaseSize + (length is int l && t.IsArrayOrString ? (long)l * t.ComponentSize : 0);
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

    /// <summary>A filler of the objects <paramref name="firstId"/>.. and references <paramref name="firstEdge"/>.. of a raw builder,
    /// for one chunk of a file loaded in parallel (<paramref name="direct"/>: the only chunk, whose values and strings go straight
    /// into the builder and <paramref name="pool"/>); appended with <see cref="AppendPart"/>, in chunk order.</summary>
    internal Part StartPart(int firstId, long firstEdge, StringPool pool, bool direct) => new(this, firstId, firstEdge, pool, direct);

    /// <summary>Fills the chunk at <paramref name="firstId"/> with a part already appended (its lists kept: parts reused, not
    /// reallocated per chunk, keep the load's garbage, and so its peak, down).</summary>
    internal static Part ReusePart(Part part, int firstId, long firstEdge)
    {
        part.Reset(firstId, firstEdge);
        return part;
    }

    /// <summary>Adds what <paramref name="part"/> filled (the next chunk in address order) to the builder's counts and lists.</summary>
    internal void AppendPart(Part part)
    {
        if (part.FirstId != ObjectCount || part.FirstEdge != _edges)
        {
            throw new InvalidOperationException($"chunk of objects {part.FirstId}.. appended after {ObjectCount} objects");
        }
        part.AppendTo(this);
    }

    /// <summary>
    /// Fills one chunk of a raw builder's objects: the address, type and row-start columns and the references in place (the
    /// chunk's own slots), the bits of the per-object maps (a chunk starts at a multiple of 64, so in words of its own), and
    /// the rest (address runs, map values, string contents, roots, segments) in lists of its own, appended in chunk order:
    /// chunks fill in parallel and the graph is the one a sequential load makes, string pool offsets included.
    /// </summary>
    internal sealed class Part
    {
        private readonly HeapGraphBuilder _builder;
        private readonly StringPool _pool;
        private readonly bool _direct;
        private readonly List<int> _runStarts = [];
        private readonly List<uint> _runHighs = [];
        private readonly IntList? _lengths;
        private readonly IntList? _counts;
        private readonly IntList? _oddSizes;
        private readonly ByteBuffer? _strings;
        private readonly List<(int Id, long Size)> _hugeSizes = [];
        private readonly List<(ulong Address, HeapRootKind Kind, string Name)> _roots = [];
        private readonly List<HeapSegment> _segments = [];
        private uint _lastHigh;
        private byte _lastCode;
        private bool _haveHigh;
        private ulong _last;

        internal Part(HeapGraphBuilder builder, int firstId, long firstEdge, StringPool pool, bool direct)
        {
            _builder = builder;
            _pool = pool;
            _direct = direct;
            Reset(firstId, firstEdge);
            if (!direct)
            {
                _lengths = new IntList();
                _counts = new IntList();
                _oddSizes = new IntList();
                _strings = new ByteBuffer();
            }
        }

        public int FirstId { get; private set; }

        public long FirstEdge { get; private set; }

        /// <summary>Objects filled so far.</summary>
        public int Count { get; private set; }

        /// <summary>The next reference's slot.</summary>
        public long Edge { get; private set; }

        public int Roots => _roots.Count;

        public int Segments => _segments.Count;

        /// <summary>Adds the next object (see <see cref="HeapGraphBuilder.AddObject"/>); <paramref name="hasContent"/>: a string with recorded contents.</summary>
        public void AddObject(ulong address, int type, long size, int? length, int? count, bool hasContent, ReadOnlySpan<byte> content)
        {
            var b = _builder;
            int id = FirstId + Count++;
            uint high = (uint)(address >> 32);
            if (_runHighs.Count == 0 || _runHighs[^1] != high)
            {
                _runStarts.Add(id);
                _runHighs.Add(high);
            }
            b._addresses.Low[id] = (uint)address;
            _last = address;
            b.SetType(id, type);
            long expected = b.ExpectedSize(type, length);
            if (length is int l)
            {
                Add(b._lengths, _lengths, id, l);
            }
            if (count is int c)
            {
                Add(b._counts, _counts, id, c);
            }
            if (hasContent)
            {
                if (_direct)
                {
                    b._strings.Add(id, _pool.Add(content));
                }
                else
                {
                    b._strings.Mark(id);
                    var target = _strings!.Reserve(4 + content.Length);
                    BitConverter.TryWriteBytes(target, content.Length);
                    content.CopyTo(target[4..]);
                }
            }
            if (size != expected)
            {
                Add(b._oddSizes, _oddSizes, id, size <= int.MaxValue ? (int)size : -1);
                if (size > int.MaxValue)
                {
                    _hugeSizes.Add((id, size));
                }
            }
            b._childStart[id + 1] = (int)Edge;
        }

        /// <summary>Adds a reference of the last object added, to an address resolved when the graph is built.</summary>
        public void AddRawChild(ulong address, byte field)
        {
            var b = _builder;
            long e = Edge++;
            b._childFields[e] = field;
            if (b._rawChildren is not null)
            {
                b._rawChildren[e] = address;
            }
            else
            {
                uint high = (uint)(address >> 32);
                if (high != _lastHigh || !_haveHigh)
                {
                    _lastCode = b.SharedHighCode(high);
                    _lastHigh = high;
                    _haveHigh = true;
                }
                b._rawHighCodes![e] = _lastCode;
                b._children![e] = unchecked((int)(uint)address);
            }
            b._childStart[FirstId + Count] = (int)Edge;
        }

        public void AddRawRoot(ulong address, HeapRootKind kind, string name) => _roots.Add((address, kind, name));

        public void AddSegment(HeapSegment segment) => _segments.Add(segment);

        internal void AppendTo(HeapGraphBuilder b)
        {
            b._addresses.AppendChunk(_runStarts, _runHighs, Count, _last);
            if (!_direct)
            {
                for (int i = 0; i < _lengths!.Count; i++)
                {
                    b._lengths.AddValue(_lengths[i]);
                }
                for (int i = 0; i < _counts!.Count; i++)
                {
                    b._counts.AddValue(_counts[i]);
                }
                for (int i = 0; i < _oddSizes!.Count; i++)
                {
                    b._oddSizes.AddValue(_oddSizes[i]);
                }
                // Interned here, in chunk order: the pool's offsets are the ones a sequential load gives.
                var strings = _strings!.Span;
                for (int at = 0; at < strings.Length;)
                {
                    int length = BitConverter.ToInt32(strings[at..]);
                    b._strings.AddValue(_pool.Add(strings.Slice(at + 4, length)));
                    at += 4 + length;
                }
            }
            foreach (var (id, size) in _hugeSizes)
            {
                b._hugeSizes[id] = size;
            }
            foreach (var (address, kind, name) in _roots)
            {
                b.AddRawRoot(address, kind, name);
            }
            foreach (var segment in _segments)
            {
                b.AddSegment(segment);
            }
            b._edges = Edge;
        }

        internal void Reset(int firstId, long firstEdge)
        {
            FirstId = firstId;
            FirstEdge = firstEdge;
            Edge = firstEdge;
            Count = 0;
            _haveHigh = false;
            _last = 0;
            _runStarts.Clear();
            _runHighs.Clear();
            _lengths?.Clear();
            _counts?.Clear();
            _oddSizes?.Clear();
            _strings?.Clear();
            _hugeSizes.Clear();
            _roots.Clear();
            _segments.Clear();
        }

        private void Add(RankedIntMap.Builder map, IntList? values, int id, int value)
        {
            if (_direct)
            {
                map.Add(id, value);
            }
            else
            {
                map.Mark(id);
                values!.Add(value);
            }
        }
    }

    /// <summary>Set when a part met more distinct high halves of reference addresses than a byte codes: its references are
    /// wrong, and the load starts again with a builder of whole addresses (<see cref="WithWideReferences"/>).</summary>
    internal bool NeedsWideReferences { get; private set; }

    // The code of a high half for parts filling in parallel: the table only grows, under its lock (a few dozen entries at most).
    private byte SharedHighCode(uint high)
    {
        lock (_highs)
        {
            int code = _highs.IndexOf(high);
            if (code < 0)
            {
                if (_highs.Count == MaxHighCodes)
                {
                    NeedsWideReferences = true;
                    return 0;
                }
                code = _highs.Count;
                _highs.Add(high);
            }
            return (byte)code;
        }
    }

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
