using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A loaded heap: objects numbered 0..N-1 in address order, kept in flat arrays (address 4 bytes,
/// type 2, child offset 4 per object; child 4 + field 1 per reference; the length of each array
/// or string 4, from which its size follows), references in CSR form. Sizes are not stored: an
/// object's size is its type's base size, plus length times component size for arrays and strings. Parents (reverse CSR, 4 per object + 4 per reference) and dominators (8 per object)
/// are computed on first use and kept. No object per heap object: 10 million objects cost
/// arrays, not 10 million allocations.
/// </summary>
public sealed class HeapGraph
{
    private readonly AddressTable _addresses;
    // Type numbers in 2 bytes per object when there are at most 65,536 types (nearly always), else 4.
    private readonly ushort[]? _types16;
    private readonly int[]? _types32;
    private readonly int[] _typeBase;
    private readonly int[] _typeComponent;
    private readonly RankedIntMap _oddSizes;
    private readonly Dictionary<int, long> _hugeSizes;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly byte[] _childFields;
    private readonly int[] _rootObjects;
    private readonly byte[] _rootKinds;
    private readonly RankedIntMap _lengths;
    private readonly RankedIntMap _counts;
    private readonly RankedIntMap _stringOffsets;
    private readonly byte[] _stringBlob;
    private int[]? _parentStart;
    private int[]? _parents;
    private ulong[]? _rootBits;
    private DominatorTree? _dominators;

    internal HeapGraph(
        HeapFileHeader header, HeapType[] types, AddressTable addresses, int[] typeIndexes, int[] childStart, int[] children,
        byte[] childFields, int[] rootObjects, byte[] rootKinds, RankedIntMap lengths, RankedIntMap counts, RankedIntMap stringOffsets,
        byte[] stringBlob, RankedIntMap oddSizes, Dictionary<int, long> hugeSizes, long unresolvedReferences)
    {
        Header = header;
        Types = types;
        _addresses = addresses;
        if (types.Length <= ushort.MaxValue + 1)
        {
            _types16 = new ushort[typeIndexes.Length];
            for (int i = 0; i < typeIndexes.Length; i++)
            {
                _types16[i] = (ushort)typeIndexes[i];
            }
        }
        else
        {
            _types32 = typeIndexes;
        }
        _oddSizes = oddSizes;
        _hugeSizes = hugeSizes;
        _typeBase = types.Select(t => t.BaseSize).ToArray();
        _typeComponent = types.Select(t => t.IsArrayOrString ? t.ComponentSize : 0).ToArray();
        _childStart = childStart;
        _children = children;
        _childFields = childFields;
        _rootObjects = rootObjects;
        _rootKinds = rootKinds;
        _lengths = lengths;
        _counts = counts;
        _stringOffsets = stringOffsets;
        _stringBlob = stringBlob;
        UnresolvedReferences = unresolvedReferences;
    }

    public HeapFileHeader Header { get; }

    /// <summary>Loads a heap file (see <see cref="HeapGraphLoader"/>); a damaged file throws <see cref="HeapFormatException"/>.</summary>
    public static HeapGraph Load(string path, IProgress<HeapLoadProgress>? progress = null) => HeapGraphLoader.Load(path, progress);

    public IReadOnlyList<HeapType> Types { get; }

    public int ObjectCount => _addresses.Count;

    public long ReferenceCount => _children.LongLength;

    public int RootCount => _rootObjects.Length;

    /// <summary>References in the file whose target was not an object of the heap (dropped).</summary>
    public long UnresolvedReferences { get; }

    public ulong Address(int id) => _addresses[id];

    public int TypeIndex(int id) => _types16 is not null ? _types16[id] : _types32![id];

    public HeapType TypeOf(int id) => Types[TypeIndex(id)];

    /// <summary>Size in bytes, as the runtime counts it (ClrMD's Size).</summary>
    public long Size(int id)
    {
        if (_oddSizes.TryGet(id, out int odd))
        {
            return odd == -1 ? _hugeSizes[id] : odd;
        }
        int t = TypeIndex(id);
        int component = _typeComponent[t];
        return component == 0 ? _typeBase[t] : _typeBase[t] + (long)_lengths.ValueAt(_lengths.IndexOf(id)) * component;
    }

    public ReadOnlySpan<int> Children(int id) => _children.AsSpan(_childStart[id], _childStart[id + 1] - _childStart[id]);

    /// <summary>The field through which <paramref name="id"/> holds its child number <paramref name="position"/>, or null (array element, unknown).</summary>
    public HeapField? ChildField(int id, int position)
    {
        int ordinal = _childFields[_childStart[id] + position];
        var fields = TypeOf(id).Fields;
        return ordinal == 0 || ordinal > fields.Count ? null : fields[ordinal - 1];
    }

    /// <summary>Objects that reference <paramref name="id"/>; the reverse CSR is built on first call.</summary>
    public ReadOnlySpan<int> Parents(int id)
    {
        EnsureParents();
        return _parents.AsSpan(_parentStart![id], _parentStart[id + 1] - _parentStart[id]);
    }

    public int RootObject(int index) => _rootObjects[index];

    public HeapRootKind RootKind(int index) => (HeapRootKind)_rootKinds[index];

    public bool IsRoot(int id)
    {
        if (_rootBits is null)
        {
            var bits = new ulong[(ObjectCount + 63) / 64];
            foreach (int root in _rootObjects)
            {
                bits[root >> 6] |= 1UL << root;
            }
            _rootBits = bits;
        }
        return (_rootBits[id >> 6] & (1UL << id)) != 0;
    }

    /// <summary>Array or string length, when the object is one.</summary>
    public long? Length(int id) => _lengths.TryGet(id, out int v) ? v : null;

    /// <summary>Element count of a known collection (List, Dictionary, HashSet...), when recorded.</summary>
    public long? Count(int id) => _counts.TryGet(id, out int v) ? v : null;

    /// <summary>Recorded contents of a string (cut at the capture's limit), or null when not a string or contents were not recorded.</summary>
    public string? StringValue(int id)
    {
        int offset = StringContentId(id);
        return offset < 0 ? null : Encoding.UTF8.GetString(StringPool.Content(_stringBlob, offset));
    }

    /// <summary>Recorded UTF-8 bytes of a string, without allocating; empty when none.</summary>
    public ReadOnlySpan<byte> StringBytes(int id)
    {
        int offset = StringContentId(id);
        return offset < 0 ? default : StringPool.Content(_stringBlob, offset);
    }

    /// <summary>A number equal for strings with equal recorded contents (their place in the string pool), or -1.</summary>
    public int StringContentId(int id) => _stringOffsets.TryGet(id, out int offset) ? offset : -1;

    /// <summary>Object number at <paramref name="address"/>, or -1.</summary>
    public int FindObject(ulong address)
    {
        return _addresses.IndexOf(address);
    }

    /// <summary>Dominator tree and exact retained sizes, computed on first call and kept.</summary>
    public DominatorTree Dominators() => _dominators ??= DominatorTree.Compute(this);

    public bool HasParents => _parents is not null;

    public bool HasDominators => _dominators is not null;

    /// <summary>Bytes held by this graph's arrays now (the per-object cost is this over <see cref="ObjectCount"/>).</summary>
    public HeapGraphMemory Memory()
    {
        long core = _addresses.MemoryBytes + (_types16?.LongLength * 2 ?? _types32!.LongLength * 4) + _childStart.LongLength * 4 + _lengths.MemoryBytes + _oddSizes.MemoryBytes;
        long edges = _children.LongLength * 4 + _childFields.LongLength;
        long extras = _counts.MemoryBytes + _stringOffsets.MemoryBytes + _stringBlob.LongLength
            + _rootObjects.LongLength * 5 + (_rootBits?.LongLength ?? 0) * 8;
        long parents = (_parentStart?.LongLength ?? 0) * 4 + (_parents?.LongLength ?? 0) * 4;
        long dominators = _dominators?.MemoryBytes ?? 0;
        return new HeapGraphMemory(ObjectCount, ReferenceCount, core, edges, extras, parents, dominators);
    }

    internal int[] ChildStartArray => _childStart;

    internal int[] ChildArray => _children;

    internal byte[] ChildFieldArray => _childFields;

    internal AddressTable AddressTable => _addresses;

    internal int[] RootObjectArray => _rootObjects;

    internal byte[] RootKindArray => _rootKinds;

    internal RankedIntMap LengthMap => _lengths;

    internal RankedIntMap CountMap => _counts;

    internal RankedIntMap StringOffsetMap => _stringOffsets;

    internal RankedIntMap OddSizeMap => _oddSizes;

    internal Dictionary<int, long> HugeSizeMap => _hugeSizes;

    internal byte[] StringBlob => _stringBlob;

    internal int[] ParentStartArray
    {
        get
        {
            EnsureParents();
            return _parentStart!;
        }
    }

    internal int[] ParentArray
    {
        get
        {
            EnsureParents();
            return _parents!;
        }
    }

    /// <summary>Builds the reverse CSR (parents) if not built yet: two passes over the references.</summary>
    public void EnsureParents()
    {
        if (_parents is not null)
        {
            return;
        }
        int n = ObjectCount;
        var start = new int[n + 1];
        foreach (int child in _children)
        {
            start[child + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        var parents = new int[_children.Length];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        for (int id = 0; id < n; id++)
        {
            for (int e = _childStart[id]; e < _childStart[id + 1]; e++)
            {
                parents[fill[_children[e]]++] = id;
            }
        }
        _parentStart = start;
        _parents = parents;
    }
}
