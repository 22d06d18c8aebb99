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
    private int[] _ringTargets = new int[InitialRing];
    private byte[] _ringFields = new byte[InitialRing];
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

    /// <summary>The most references that waited at once (for tests: it is the cost of this over writing in place directly).</summary>
    public int MostWaiting { get; private set; }

    /// <summary>Adds the next reference of the reduced graph, written when the barrier allows.</summary>
    public void Add(int target, byte field)
    {
        if (_waiting == _ringTargets.Length)
        {
            Grow();
        }
        int at = (_head + _waiting) & (_ringTargets.Length - 1);
        _ringTargets[at] = target;
        _ringFields[at] = field;
        _waiting++;
        MostWaiting = Math.Max(MostWaiting, _waiting);
    }

    /// <summary>Writes what waits into the positions below <paramref name="barrier"/> (those already read).</summary>
    public void WriteBelow(int barrier)
    {
        int mask = _ringTargets.Length - 1;
        int limit = Math.Min(barrier, _targets.Length);
        while (_waiting > 0 && _written < limit)
        {
            _targets[_written] = _ringTargets[_head];
            _fields[_written++] = _ringFields[_head];
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

    // Doubles the ring, unrolling it so the waiting references start at 0.
    private void Grow()
    {
        var targets = new int[_ringTargets.Length * 2];
        var fields = new byte[_ringFields.Length * 2];
        for (int i = 0; i < _waiting; i++)
        {
            int from = (_head + i) & (_ringTargets.Length - 1);
            targets[i] = _ringTargets[from];
            fields[i] = _ringFields[from];
        }
        _ringTargets = targets;
        _ringFields = fields;
        _head = 0;
    }
}
