using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// The iterative breadth-first walk behind deep sizes: a reference-identity visited set, per-type
/// exclusions, a depth limit and per-type tallies. A walker may size several roots in turn; objects seen
/// by an earlier root are not counted again (first root wins), which is how the tracker attributes
/// memory without double counting. Costs its visited set (about 16-32 bytes per object seen) and a queue.
/// </summary>
internal sealed class ObjectWalker
{
    /// <summary>Initial queue length; it doubles when full.</summary>
    private const int InitialQueue = 256;

    private readonly IdentitySet _visited = new();
    private readonly Dictionary<IntPtr, TypeTally> _tallies = [];
    private readonly Func<Type, bool>? _excludeType;
    private readonly int _maxDepth;
    private readonly Action<object, long>? _visit;
    private readonly Func<Type, bool>? _mayBeBoundary;
    private readonly Func<object, bool>? _isBoundary;
    private object?[] _queue = new object?[InitialQueue];
    private int[] _depths = new int[InitialQueue];
    private int _head;
    private int _tail;
    private int _queued;
    private IntPtr _lastMethodTable;
    private TypeTally? _lastTally;

    public ObjectWalker(Func<Type, bool>? excludeType = null, int maxDepth = int.MaxValue, Action<object, long>? visit = null)
    {
        _excludeType = excludeType;
        _maxDepth = maxDepth;
        _visit = visit;
    }

    /// <summary>
    /// A walker that stops at boundaries: an object (other than the root) whose type passes
    /// <paramref name="mayBeBoundary"/> (asked once per type) and that <paramref name="isBoundary"/> names
    /// is neither counted nor entered. The tracker's tracked instances are its boundaries: each owns itself.
    /// </summary>
    public ObjectWalker(Func<Type, bool> mayBeBoundary, Func<object, bool> isBoundary)
    {
        _maxDepth = int.MaxValue;
        _mayBeBoundary = mayBeBoundary;
        _isBoundary = isBoundary;
    }

    public long ObjectCount { get; private set; }

    public long TotalBytes { get; private set; }

    public bool DepthLimitHit { get; private set; }

    public IReadOnlyDictionary<IntPtr, TypeTally> Tallies => _tallies;

    /// <summary>Marks an object as already seen: it is neither counted nor entered.</summary>
    public void Exclude(object o) => _visited.Add(o);

    public bool Seen(object o) => _visited.Contains(o);

    /// <summary>Sizes everything reachable from <paramref name="root"/> not seen before; returns the bytes added.</summary>
    public long Walk(object? root)
    {
        if (root is null || !_visited.Add(root))
        {
            return 0;
        }

        return Drain(root, 0);
    }

    /// <summary>Counts <paramref name="root"/> itself even if marked seen, then what it reaches not seen before.</summary>
    public long WalkOwned(object root)
    {
        _visited.Add(root);
        return Drain(root, 0);
    }

    /// <summary>Sizes what each reference field of <paramref name="o"/> reaches (not seen before), per field.</summary>
    public TypeShape WalkFields(object o, Span<long> perField)
    {
        var shape = TypeShape.For(MethodTable.Of(o), o);
        if (shape.Kind != ShapeKind.Fields)
        {
            return shape;
        }

        ref byte data = ref Unsafe.As<RawData>(o).Data;
        int[] offsets = shape.Offsets;
        for (int i = 0; i < offsets.Length && i < perField.Length; i++)
        {
            // Depth 1: what a field points at is a child, so a boundary there is not entered.
            object? child = Unsafe.As<byte, object?>(ref Unsafe.Add(ref data, offsets[i]));
            perField[i] = child is null || !_visited.Add(child) ? 0 : Drain(child, 1);
        }

        return shape;
    }

    private long Drain(object root, int depth)
    {
        long before = TotalBytes;
        Enqueue(root, depth);
        while (_queued > 0)
        {
            object o = _queue[_head]!;
            int d = _depths[_head];
            _queue[_head] = null;
            _head = (_head + 1) & (_queue.Length - 1);
            _queued--;

            IntPtr mt = MethodTable.Of(o);
            TypeTally? tally;
            if (mt == _lastMethodTable)
            {
                // Objects of one type often come in runs (array elements, list items): skip the lookup.
                tally = _lastTally!;
            }
            else if (!_tallies.TryGetValue(mt, out tally))
            {
                var shape = TypeShape.For(mt, o);
                tally = new TypeTally(shape, _excludeType?.Invoke(shape.Type) ?? false, _mayBeBoundary?.Invoke(shape.Type) ?? false);
                _tallies.Add(mt, tally);
            }

            _lastMethodTable = mt;
            _lastTally = tally;
            if (tally.Excluded || (tally.MayBeBoundary && d > 0 && _isBoundary!(o)))
            {
                continue;
            }

            long size = MethodTable.SizeOf(o, mt);
            tally.Count++;
            tally.Bytes += size;
            ObjectCount++;
            TotalBytes += size;
            _visit?.Invoke(o, size);

            if (tally.Shape.Kind == ShapeKind.NoReferences)
            {
                continue;
            }

            if (d >= _maxDepth)
            {
                // Only a reference the limit actually leaves out counts as hitting it.
                DepthLimitHit |= VisitChildren(o, tally.Shape, d + 1, probeOnly: true);
                continue;
            }

            VisitChildren(o, tally.Shape, d + 1, probeOnly: false);
        }

        return TotalBytes - before;
    }

    /// <summary>Enqueues the unseen children; with <paramref name="probeOnly"/>, only tells whether there is one.</summary>
    private bool VisitChildren(object o, TypeShape shape, int depth, bool probeOnly)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Fields:
            {
                ref byte data = ref Unsafe.As<RawData>(o).Data;
                foreach (int offset in shape.Offsets)
                {
                    if (Consider(Unsafe.As<byte, object?>(ref Unsafe.Add(ref data, offset)), depth, probeOnly))
                    {
                        return true;
                    }
                }

                break;
            }

            case ShapeKind.ReferenceArray:
            {
                Array array = Unsafe.As<Array>(o);
                ref byte data = ref MemoryMarshal.GetArrayDataReference(array);
                nint length = (nint)array.LongLength;
                for (nint i = 0; i < length; i++)
                {
                    if (Consider(Unsafe.As<byte, object?>(ref Unsafe.Add(ref data, i * IntPtr.Size)), depth, probeOnly))
                    {
                        return true;
                    }
                }

                break;
            }

            case ShapeKind.StructArray:
            {
                Array array = Unsafe.As<Array>(o);
                ref byte data = ref MemoryMarshal.GetArrayDataReference(array);
                nint length = (nint)array.LongLength;
                int[] offsets = shape.Offsets;
                for (nint i = 0; i < length; i++)
                {
                    ref byte element = ref Unsafe.Add(ref data, i * shape.ElementSize);
                    foreach (int offset in offsets)
                    {
                        if (Consider(Unsafe.As<byte, object?>(ref Unsafe.Add(ref element, offset)), depth, probeOnly))
                        {
                            return true;
                        }
                    }
                }

                break;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Consider(object? child, int depth, bool probeOnly)
    {
        if (child is null)
        {
            return false;
        }

        if (probeOnly)
        {
            return !_visited.Contains(child);
        }

        if (_visited.Add(child))
        {
            Enqueue(child, depth);
        }

        return false;
    }

    private void Enqueue(object o, int depth)
    {
        if (_queued == _queue.Length)
        {
            GrowQueue();
        }

        _queue[_tail] = o;
        _depths[_tail] = depth;
        _tail = (_tail + 1) & (_queue.Length - 1);
        _queued++;
    }

    private void GrowQueue()
    {
        var queue = new object?[_queue.Length * 2];
        var depths = new int[queue.Length];
        for (int i = 0; i < _queued; i++)
        {
            int from = (_head + i) & (_queue.Length - 1);
            queue[i] = _queue[from];
            depths[i] = _depths[from];
        }

        _queue = queue;
        _depths = depths;
        _head = 0;
        _tail = _queued;
    }
}
