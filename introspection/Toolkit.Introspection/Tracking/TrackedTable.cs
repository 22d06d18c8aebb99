using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// The tracked objects as parallel arrays (no object per tracked instance): a weak GC handle, the type,
/// birth, last-seen and death times, the identity hash, the size and fingerprint of the last sizing
/// (for incremental snapshots), plus an open-addressing index from identity to slot so an object is
/// never tracked twice. Costs about 64 bytes per tracked object here plus the runtime's weak-handle
/// slot; it never keeps a tracked object alive.
/// </summary>
internal sealed class TrackedTable : IDisposable
{
    /// <summary>Start small; arrays double as objects are tracked.</summary>
    private const int InitialCapacity = 256;

    private GCHandle[] _handles = new GCHandle[InitialCapacity];
    private int[] _types = new int[InitialCapacity];
    private int[] _hashes = new int[InitialCapacity];
    private double[] _born = new double[InitialCapacity];
    private double[] _lastSeen = new double[InitialCapacity];
    private double[] _died = new double[InitialCapacity];
    private long[] _size = new long[InitialCapacity];
    private ulong[] _fingerprint = new ulong[InitialCapacity];

    /// <summary>Slot index + 1 per bucket (0 = empty), kept at most half full.</summary>
    private int[] _buckets = new int[InitialCapacity * 2];
    private int _shift = 32 - System.Numerics.BitOperations.Log2(InitialCapacity * 2);

    public int Count { get; private set; }

    public int LiveCount { get; private set; }

    public int TypeOf(int slot) => _types[slot];

    public double BornMs(int slot) => _born[slot];

    public double LastSeenMs(int slot) => _lastSeen[slot];

    /// <summary>NaN while alive.</summary>
    public double DiedMs(int slot) => _died[slot];

    public bool IsDead(int slot) => !double.IsNaN(_died[slot]);

    /// <summary>Bytes the instance owned at its last sizing; -1 before the first.</summary>
    public ref long Size(int slot) => ref _size[slot];

    /// <summary>The <see cref="InstanceFingerprint"/> taken at the last sizing.</summary>
    public ref ulong Fingerprint(int slot) => ref _fingerprint[slot];

    /// <summary>The slot holding <paramref name="o"/>, or -1.</summary>
    public int Find(object o)
    {
        int hash = RuntimeHelpers.GetHashCode(o);
        int mask = _buckets.Length - 1;
        for (int b = IdentitySet.Spread(hash, _shift); _buckets[b] != 0; b = (b + 1) & mask)
        {
            int slot = _buckets[b] - 1;
            if (_hashes[slot] == hash && !IsDead(slot) && ReferenceEquals(_handles[slot].Target, o))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Adds <paramref name="o"/> (the caller checked it is not tracked yet) and returns its slot.</summary>
    public int Add(object o, int type, double nowMs)
    {
        if (Count == _handles.Length)
        {
            Grow();
        }

        int slot = Count++;
        LiveCount++;
        int hash = RuntimeHelpers.GetHashCode(o);
        _handles[slot] = GCHandle.Alloc(o, GCHandleType.Weak);
        _types[slot] = type;
        _hashes[slot] = hash;
        _born[slot] = nowMs;
        _lastSeen[slot] = nowMs;
        _died[slot] = double.NaN;
        _size[slot] = -1;
        _fingerprint[slot] = 0;
        Insert(slot, hash);
        return slot;
    }

    /// <summary>The live object in a slot, or null (recording its death at <paramref name="nowMs"/> and freeing its handle).</summary>
    public object? Target(int slot, double nowMs)
    {
        if (IsDead(slot))
        {
            return null;
        }

        object? o = _handles[slot].Target;
        if (o is null)
        {
            _died[slot] = nowMs;
            _handles[slot].Free();
            LiveCount--;
            return null;
        }

        _lastSeen[slot] = nowMs;
        return o;
    }

    /// <summary>Bytes of this table: its arrays plus one runtime handle-table slot per live weak handle.</summary>
    public long OverheadBytes() =>
        ObjectSizer.ShallowSize(_handles) + ObjectSizer.ShallowSize(_types) + ObjectSizer.ShallowSize(_hashes)
        + ObjectSizer.ShallowSize(_born) + ObjectSizer.ShallowSize(_lastSeen) + ObjectSizer.ShallowSize(_died)
        + ObjectSizer.ShallowSize(_size) + ObjectSizer.ShallowSize(_fingerprint)
        + ObjectSizer.ShallowSize(_buckets) + ((long)LiveCount * IntPtr.Size);

    public void Dispose()
    {
        for (int i = 0; i < Count; i++)
        {
            if (!IsDead(i))
            {
                _handles[i].Free();
            }
        }

        Count = 0;
        LiveCount = 0;
    }

    private void Insert(int slot, int hash)
    {
        int mask = _buckets.Length - 1;
        int b = IdentitySet.Spread(hash, _shift);
        while (_buckets[b] != 0)
        {
            b = (b + 1) & mask;
        }

        _buckets[b] = slot + 1;
    }

    private void Grow()
    {
        int capacity = _handles.Length * 2;
        Array.Resize(ref _handles, capacity);
        Array.Resize(ref _types, capacity);
        Array.Resize(ref _hashes, capacity);
        Array.Resize(ref _born, capacity);
        Array.Resize(ref _lastSeen, capacity);
        Array.Resize(ref _died, capacity);
        Array.Resize(ref _size, capacity);
        Array.Resize(ref _fingerprint, capacity);
        _buckets = new int[capacity * 2];
        _shift--;
        for (int i = 0; i < Count; i++)
        {
            Insert(i, _hashes[i]);
        }
    }
}
