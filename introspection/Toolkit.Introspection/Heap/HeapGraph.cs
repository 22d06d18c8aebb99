using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A loaded heap: objects numbered 0..N-1 in address order (dense ids, as Ninja numbers its
/// nodes), kept in columns rather than one .NET object per heap object: address 4 bytes
/// (<see cref="AddressTable"/>), type 2, child offset 4; 4 + 1 per reference
/// (<see cref="ReferenceTable"/>); array and string lengths 4 (<see cref="ObjectColumns"/>).
/// Parents (the reverse table, 4 per object + 4 per reference), reachability (1 bit per object)
/// and dominators (8 per object) are computed on first use and kept. Built by
/// <see cref="HeapGraphBuilder"/>. Query it through <see cref="HeapObject"/> handles
/// (<see cref="Object"/>, <see cref="Objects"/>, <see cref="Roots"/>), or by number for speed.
/// </summary>
public sealed class HeapGraph
{
    // Not readonly: a reducer that consumes this graph releases them column by column (see ReleaseObjectColumns).
    private AddressTable _addresses;
    private ObjectColumns _columns;
    private ReferenceTable _children;
    private readonly int _objectCount;
    // Kept apart from the table, so the count stays known after a consuming dominator computation lets the references go.
    private readonly long _referenceCount;
    private readonly RootTable _roots;
    private readonly HeapSegment[] _segments;
    private readonly ulong[]? _excluded;
    private ReferenceTable? _parents;
    private ulong[]? _reachable;
    private DominatorTree? _dominators;
    private string[]? _typeNames;

    internal HeapGraph(HeapFileHeader header, HeapType[] types, AddressTable addresses, ObjectColumns columns, ReferenceTable children, RootTable roots,
        HeapSegment[] segments, HeapUnreachable unreachable, long unresolvedReferences)
    {
        Header = header;
        Types = types;
        _addresses = addresses;
        _objectCount = addresses.Count;
        _columns = columns;
        _children = children;
        _referenceCount = children.Count;
        _roots = roots;
        _segments = segments;
        Unreachable = unreachable;
        UnresolvedReferences = unresolvedReferences;
    }

    // A view of the same columns that leaves out what no root reaches (see WithoutUnreachable).
    private HeapGraph(HeapGraph all, ulong[] excluded, HeapUnreachable unreachable)
        : this(all.Header, (HeapType[])all.Types, all._addresses, all._columns, all._children, all._roots, all._segments, unreachable, all.UnresolvedReferences)
    {
        _excluded = excluded;
        _reachable = all._reachable;
        _parents = all._parents;
        _typeNames = all._typeNames;
    }

    public HeapFileHeader Header { get; }

    /// <summary>Loads a heap file (see <see cref="HeapGraphLoader"/>); a damaged file throws <see cref="HeapFormatException"/>.</summary>
    public static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress = null) => HeapGraphLoader.Load(path, progress);

    public IReadOnlyList<HeapType> Types { get; }

    public int ObjectCount => _objectCount;

    public long ReferenceCount => _referenceCount;

    public int RootCount => _roots.Count;

    /// <summary>References in the file whose target was not an object of the heap (dropped).</summary>
    public long UnresolvedReferences { get; }

    /// <summary>Unreachable objects this graph leaves out (<see cref="HeapUnreachable.None"/> for a graph as loaded, which keeps them).</summary>
    public HeapUnreachable Unreachable { get; }

    /// <summary>The heap's segments (one generation each) with their free space, by address.</summary>
    public IReadOnlyList<HeapSegment> Segments => _segments;

    /// <summary>True for an object this graph leaves out of its listings (an unreachable one, in a view made by <see cref="WithoutUnreachable"/>).
    /// Queries that walk every object skip these; references and parents still hold them, so a traversal from roots never meets one.</summary>
    public bool IsExcluded(int id) => _excluded is not null && (_excluded[id >> 6] & (1UL << id)) != 0;

    /// <summary>A view that leaves out the objects no root reaches (counted in <see cref="Unreachable"/>), sharing this graph's columns:
    /// costs 1 bit per object, no copy. This graph itself when every object is reachable.</summary>
    public HeapGraph WithoutUnreachable()
    {
        var excluded = new ulong[(ObjectCount + 63) / 64];
        long objects = 0;
        long bytes = 0;
        for (int id = 0; id < ObjectCount; id++)
        {
            if (!IsReachable(id) || IsExcluded(id))
            {
                excluded[id >> 6] |= 1UL << id;
                objects++;
                bytes += Size(id);
            }
        }
        return objects == 0 ? this : new HeapGraph(this, excluded, new HeapUnreachable(objects, bytes));
    }

    /// <summary>The handle of object number <paramref name="id"/>.</summary>
    public HeapObject Object(int id) => (uint)id < (uint)ObjectCount ? new HeapObject(this, id) : throw new ArgumentOutOfRangeException(nameof(id));

    /// <summary>Every object (but the excluded), in address order, lazily.</summary>
    public IEnumerable<HeapObject> Objects
    {
        get
        {
            for (int id = 0; id < ObjectCount; id++)
            {
                if (!IsExcluded(id))
                {
                    yield return new HeapObject(this, id);
                }
            }
        }
    }

    /// <summary>Every GC root, lazily, in file order.</summary>
    public IEnumerable<HeapRoot> Roots
    {
        get
        {
            for (int r = 0; r < _roots.Count; r++)
            {
                yield return new HeapRoot(new HeapObject(this, _roots.Object(r)), _roots.Kind(r), _roots.Name(r));
            }
        }
    }

    /// <summary>The roots that hold <paramref name="id"/> directly (none for most objects).</summary>
    public IEnumerable<HeapRoot> RootsOf(int id)
    {
        if (!_roots.Contains(id))
        {
            yield break;
        }
        for (int r = 0; r < _roots.Count; r++)
        {
            if (_roots.Object(r) == id)
            {
                yield return new HeapRoot(new HeapObject(this, id), _roots.Kind(r), _roots.Name(r));
            }
        }
    }

    public ulong Address(int id) => _addresses[id];

    public int TypeIndex(int id) => _columns.TypeIndex(id);

    public HeapType TypeOf(int id) => Types[_columns.TypeIndex(id)];

    /// <summary>The display name of the object's type: with its module where another module's type has the same name (<see cref="HeapTypeNames"/>).</summary>
    public string TypeNameOf(int id) => TypeName(_columns.TypeIndex(id));

    /// <summary>The display name of type <paramref name="typeIndex"/> (<see cref="HeapTypeNames"/>), made for all types at the first call.</summary>
    public string TypeName(int typeIndex) => (_typeNames ??= HeapTypeNames.Of(Types))[typeIndex];

    /// <summary>Size in bytes, as the runtime counts it (ClrMD's Size).</summary>
    public long Size(int id) => _columns.Size(id);

    /// <summary><see cref="Size(int)"/> and <see cref="Length"/> in one lookup, for a pass over every object.</summary>
    internal long Size(int id, out int? length) => _columns.Size(id, out length);

    public ReadOnlySpan<int> Children(int id) => _children.Of(id);

    /// <summary>The field through which <paramref name="id"/> holds its child number <paramref name="position"/>, or null (array element, unknown).</summary>
    public HeapField? ChildField(int id, int position)
    {
        int ordinal = _children.FieldOrdinal(id, position);
        var fields = TypeOf(id).Fields;
        return ordinal == 0 || ordinal > fields.Count ? null : fields[ordinal - 1];
    }

    /// <summary>The field ordinal byte (1-based; 0 none) of child <paramref name="position"/>, as stored.</summary>
    public byte ChildFieldOrdinal(int id, int position) => (byte)_children.FieldOrdinal(id, position);

    /// <summary>Objects that reference <paramref name="id"/>; the reverse table is built on first call.</summary>
    public ReadOnlySpan<int> Parents(int id) => (_parents ??= _children.Reverse()).Of(id);

    /// <summary>Builds the parents table now (two passes over the references) instead of on first use.</summary>
    public void EnsureParents() => _parents ??= _children.Reverse();

    public int RootObject(int index) => _roots.Object(index);

    public HeapRootKind RootKind(int index) => _roots.Kind(index);

    /// <summary>The root's name (a static field's <c>Type.Field</c>), or empty.</summary>
    public string RootName(int index) => _roots.Name(index);

    /// <summary>The object number of every root, in file order.</summary>
    public ReadOnlySpan<int> RootObjects => _roots.Objects;

    public bool IsRoot(int id) => _roots.Contains(id);

    /// <summary>Where the object lives (generation, large, pinned or frozen heap), from the segment that holds its address.</summary>
    public HeapGeneration Generation(int id)
    {
        ulong address = _addresses[id];
        int lo = 0;
        int hi = _segments.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _segments[mid];
            if (address < s.Start)
            {
                hi = mid - 1;
            }
            else if (address >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return s.Generation;
            }
        }
        return HeapGeneration.Unknown;
    }

    /// <summary>Each segment, in address order, with the objects in it as the id range [From, To): two binary searches of the sorted
    /// addresses per segment, where <see cref="Generation"/> searches the segments once per object (at 100M objects the whole-heap
    /// passes were seconds of segment searches). Ranges never overlap: of two overlapping segments (a damaged file), the first keeps
    /// the shared objects, as no object is counted twice.</summary>
    public IEnumerable<(HeapSegment Segment, int From, int To)> SegmentRanges()
    {
        int previousEnd = 0;
        foreach (var segment in _segments)
        {
            int from = Math.Max(previousEnd, FirstAtOrAbove(segment.Start));
            int to = Math.Max(from, FirstAtOrAbove(segment.End));
            previousEnd = to;
            yield return (segment, from, to);
        }
    }

    /// <summary>The objects in the id range [<paramref name="from"/>, <paramref name="to"/>) that no view leaves out, and their bytes
    /// (a row of <see cref="SegmentRanges"/>).</summary>
    internal (long Objects, long Bytes) CountIncluded(int from, int to)
    {
        long objects = 0;
        long bytes = 0;
        for (int id = from; id < to; id++)
        {
            if (!IsExcluded(id))
            {
                objects++;
                bytes += Size(id);
            }
        }
        return (objects, bytes);
    }

    /// <summary>The objects of the frozen (non-GC) heap, in id order (see <see cref="SegmentRanges"/>).</summary>
    public IEnumerable<int> FrozenObjects()
    {
        foreach (var (segment, from, to) in SegmentRanges())
        {
            if (segment.Generation == HeapGeneration.Frozen)
            {
                for (int id = from; id < to; id++)
                {
                    yield return id;
                }
            }
        }
    }

    // The first object at or above address (ObjectCount when none is): addresses are sorted.
    private int FirstAtOrAbove(ulong address)
    {
        int lo = 0;
        int hi = ObjectCount;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_addresses[mid] < address)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>True for an object of the frozen (non-GC) heap: never collected, so never garbage even when no root reaches it.</summary>
    public bool IsFrozen(int id) => _segments.Length > 0 && Generation(id) == HeapGeneration.Frozen;

    /// <summary>True when a root (or a frozen object) reaches the object: it is live. Computed for all objects on first call (1 bit each).</summary>
    public bool IsReachable(int id)
    {
        _reachable ??= HeapTraversal.Reachable(this, null, null, includeFrozen: true);
        return HeapTraversal.IsSet(_reachable, id);
    }

    /// <summary>Array or string length, when the object is one.</summary>
    public long? Length(int id) => _columns.Length(id);

    /// <summary>Element count of a known collection (List, Dictionary, HashSet...), when recorded.</summary>
    public long? Count(int id) => _columns.Count(id);

    /// <summary>Recorded contents of a string (cut at the capture's limit), or null when not a string or contents were not recorded.</summary>
    public string? StringValue(int id)
    {
        int offset = _columns.StringContentId(id);
        return offset < 0 ? null : Encoding.UTF8.GetString(_columns.StringBytes(id));
    }

    /// <summary>Recorded UTF-8 bytes of a string, without allocating; empty when none.</summary>
    public ReadOnlySpan<byte> StringBytes(int id) => _columns.StringBytes(id);

    /// <summary>A number equal for strings with equal recorded contents (their place in the string pool), or -1.</summary>
    public int StringContentId(int id) => _columns.StringContentId(id);

    /// <summary>Object number at <paramref name="address"/>, or -1.</summary>
    public int FindObject(ulong address) => _addresses.IndexOf(address);

    /// <summary>The object at <paramref name="address"/>, if one starts there.</summary>
    public bool TryGetObject(ulong address, out HeapObject obj)
    {
        int id = _addresses.IndexOf(address);
        obj = id >= 0 ? new HeapObject(this, id) : default;
        return id >= 0;
    }

    /// <summary>Dominator tree and exact retained sizes, computed on first call and kept.</summary>
    public DominatorTree Dominators() => Dominators(withTree: false);

    /// <summary>Like <see cref="Dominators()"/>; with <paramref name="withTree"/>, the tree's rows (<see cref="DominatorTree.Tree"/>) are
    /// built in the computation's own arrays when it runs now, so a caller that walks the tree pays no 8 bytes per object more.</summary>
    public DominatorTree Dominators(bool withTree) => _dominators ??= DominatorTree.Compute(this, withTree);

    /// <summary>Dominators and their tree for a caller that needs nothing else of this graph's references afterwards (the
    /// <c>heap dominators</c> verb): the references' field bytes go first, their targets are renumbered in place to the
    /// computation's postorder numbers (so its id-to-number map is not held during the fixed point), and the references go once
    /// the fixed point is reached, before the retained sizes are allocated: the step's peak is the graph without its field bytes
    /// plus 8 bytes per object, instead of the graph plus 12. Only the object columns (types, sizes, addresses, lengths, counts,
    /// strings), the roots and the dominators remain usable; a graph sharing these references (a view made by
    /// <see cref="WithoutUnreachable"/>, or the graph it was made from) must not read them either.</summary>
    public DominatorTree DominatorsConsumingReferences() => _dominators ??= DominatorTree.Compute(this, withTree: true, releaseReferences: true);

    public bool HasParents => _parents is not null;

    /// <summary>The address and type arrays for a consuming reducer to compact in place, or null when this graph is a view that
    /// shares them with another graph (<see cref="WithoutUnreachable"/>).</summary>
    internal (uint[] Low, ushort[]? Types16, int[]? Types32)? ReusableColumns =>
        _excluded is null ? (_addresses.LowHalves, _columns.TypeArrays.Types16, _columns.TypeArrays.Types32) : null;

    /// <summary>The reference arrays (row starts, targets, field bytes), for a reducer that reads raw rows.</summary>
    internal (int[] Start, int[] Targets, byte[]? Fields) ReferenceArrays => _children.Arrays;

    /// <summary>True for a view that shares its columns and references with another graph (<see cref="WithoutUnreachable"/>): a
    /// consuming reducer must not overwrite them.</summary>
    internal bool IsView => _excluded is not null;

    /// <summary>Lets go of the addresses and the per-object columns (types, sizes, lengths, counts, strings), for a reducer that
    /// has copied what it needs and consumes this graph: only references, roots and reachability remain usable.</summary>
    internal void ReleaseObjectColumns()
    {
        _addresses = null!;
        _columns = null!;
    }

    /// <summary>Lets go of the references' field ordinals (1 byte per reference), for a consumer that reads only their targets.</summary>
    internal void ReleaseChildFields() => _children = _children.WithoutFields();

    /// <summary>Renumbers every reference's target through <paramref name="map"/>, in place (see <see cref="ReferenceTable.MapTargets"/>),
    /// for a consumer that numbers the objects its own way. A method rather than the table itself, so no caller holds the table in a
    /// temporary past its release (unoptimized code keeps such temporaries alive to the end of the method).</summary>
    internal void MapChildTargets(int[] map) => _children.MapTargets(map);

    /// <summary>Lets go of the references and parents, for a reducer that consumes this graph; nothing but counts remains usable.</summary>
    internal void ReleaseReferences()
    {
        _children = null!;
        _parents = null;
    }

    public bool HasDominators => _dominators is not null;

    /// <summary>The string pool, shared with graphs reduced from this one.</summary>
    internal byte[] StringBlob => _columns.StringBlob;

    /// <summary>Bytes held by this graph's arrays now (the per-object cost is this over <see cref="ObjectCount"/>).</summary>
    public HeapGraphMemory Memory()
    {
        long core = _addresses.MemoryBytes + _columns.CoreBytes;
        long edges = _children?.MemoryBytes ?? 0;
        long extras = _columns.ExtraBytes + _roots.MemoryBytes + (_reachable?.LongLength ?? 0) * 8;
        long parents = _parents?.MemoryBytes ?? 0;
        long dominators = _dominators?.MemoryBytes ?? 0;
        return new HeapGraphMemory(ObjectCount, ReferenceCount, core, edges, extras, parents, dominators);
    }
}
