namespace Toolkit.Introspection.Heap;

/// <summary>
/// Writes a reduced graph's references into the reference arrays of the graph it is reduced from, as that graph is read row by
/// row in id order (see <see cref="HeapGraphReducer.ReduceConsuming"/>): saves the second reference table (4 bytes per target and
/// 1 per field byte) the reduce would otherwise hold beside the first. A reference is written only below the barrier, the start of
/// the first old row not yet passed, so nothing unread is overwritten; what cannot be written yet (an owner's row grown by its folded
/// array's references, read ahead) waits in a ring that grows as needed: about one row when nothing is folded, and in a heap whose
/// collections' arrays lie after their owners (the usual order of allocation), the references of the arrays between an owner and
/// its array. The reduced graph never has more references than the old one (a folded array's references move to its one owner).
/// </summary>
internal sealed class InPlaceReferences
{
    // First size of the ring: one large row's worth; it doubles when more must wait.
    private const int InitialRing = 1024;

    private int[] _targets;
    private byte[] _fields;
    // Each waiting reference as one value: the target in the low 32 bits, the field byte above.
    private long[] _ring = new long[InitialRing];
    private int _head;
    private int _waiting;
    private int _written;

    /// <summary>Writes into <paramref name="targets"/> and <paramref name="fields"/>, from their start.</summary>
    public InPlaceReferences(int[] targets, byte[] fields)
    {
        _targets = targets;
        _fields = fields;
    }

    /// <summary>References added so far: written and waiting.</summary>
    public int Count => _written + _waiting;

    /// <summary>Adds the next reference of the reduced graph, written when the barrier allows.</summary>
    public void Add(int target, byte field)
    {
        if (_waiting == _ring.Length)
        {
            Grow();
        }
        _ring[(_head + _waiting) & (_ring.Length - 1)] = ((long)field << 32) | (uint)target;
        _waiting++;
    }

    /// <summary>Writes what waits into the positions below <paramref name="barrier"/> (those already read).</summary>
    public void WriteBelow(int barrier)
    {
        int mask = _ring.Length - 1;
        int limit = Math.Min(barrier, _targets.Length);
        while (_waiting > 0 && _written < limit)
        {
            long waiting = _ring[_head];
            _targets[_written] = unchecked((int)waiting);
            _fields[_written++] = (byte)(waiting >> 32);
            _head = (_head + 1) & mask;
            _waiting--;
        }
    }

    /// <summary>Writes everything (every old row read) and returns the arrays with <see cref="Count"/> references used; they are new,
    /// larger arrays only if the reduced graph had more references than the old one could hold (never, by the reduce's construction).</summary>
    public (int[] Targets, byte[] Fields) Finish()
    {
        WriteBelow(int.MaxValue);
        if (_waiting > 0)
        {
            Array.Resize(ref _targets, Count);
            Array.Resize(ref _fields, Count);
            WriteBelow(int.MaxValue);
        }
        return (_targets, _fields);
    }

    // Doubles the ring, unrolling it so the waiting references start at 0 (it is full: the tail wraps to just before the head).
    private void Grow()
    {
        var ring = new long[_ring.Length * 2];
        int tail = _ring.Length - _head;
        Array.Copy(_ring, _head, ring, 0, tail);
        Array.Copy(_ring, 0, ring, tail, _head);
        _ring = ring;
        _head = 0;
    }
}
