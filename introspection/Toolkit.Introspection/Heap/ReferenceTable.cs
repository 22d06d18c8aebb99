namespace Toolkit.Introspection.Heap;

/// <summary>
/// References in compressed sparse row form: for object i, its targets are
/// <c>targets[start[i]..start[i+1]]</c>, with one field ordinal byte each when fields are kept.
/// 4 bytes per object plus 4 (5 with fields) per reference, no object per edge. The same shape
/// holds children (with fields) and parents (the reverse, without).
/// </summary>
public sealed class ReferenceTable
{
    private readonly int[] _start;
    private readonly int[] _targets;
    private readonly byte[]? _fields;
    private readonly int _count;
    private readonly int _rows;

    /// <summary>Rows of <paramref name="targets"/> as <paramref name="start"/> says; the first <paramref name="count"/> targets and
    /// <paramref name="rows"/> rows are used (all when -1), so a table can live in arrays made a little larger for another use (see
    /// <see cref="DominatorTree"/>, and a reduced graph's references written over those of the graph it was reduced from).</summary>
    internal ReferenceTable(int[] start, int[] targets, byte[]? fields, int count = -1, int rows = -1)
    {
        _rows = rows < 0 ? start.Length - 1 : rows;
        _start = start;
        _targets = targets;
        _fields = fields;
        _count = count < 0 ? targets.Length : count;
    }

    public int ObjectCount => _rows;

    public long Count => _count;

    /// <summary>Bytes of the arrays this table holds (their whole length, used or not).</summary>
    public long MemoryBytes => _start.LongLength * 4 + _targets.LongLength * 4 + (_fields?.LongLength ?? 0);

    /// <summary>The arrays themselves (each possibly longer than used), for a reader of raw rows or an in-place rewrite.</summary>
    internal (int[] Start, int[] Targets, byte[]? Fields) Arrays => (_start, _targets, _fields);

    public ReadOnlySpan<int> Of(int id) => _targets.AsSpan(_start[id], _start[id + 1] - _start[id]);

    /// <summary>Field ordinal (1-based; 0 = none) of reference number <paramref name="position"/> of <paramref name="id"/>.</summary>
    public int FieldOrdinal(int id, int position) => _fields is null ? HeapFileFormat.NoField : _fields[_start[id] + position];

    /// <summary>The same rows without the field ordinals (for a caller that reads only targets and lets the bytes go).</summary>
    internal ReferenceTable WithoutFields() => new(_start, _targets, null, _count);

    /// <summary>Replaces every target t by <c>map[t]</c>, in place: a consumer that renumbers the objects (the dominator computation's
    /// postorder) then needs no map beside the table. Every table sharing these arrays sees the change.</summary>
    internal void MapTargets(int[] map)
    {
        var targets = _targets.AsSpan(0, _count);
        for (int e = 0; e < targets.Length; e++)
        {
            targets[e] = map[targets[e]];
        }
    }

    /// <summary>The reverse table (who references each object), without fields: two passes over the references.</summary>
    public ReferenceTable Reverse()
    {
        int n = ObjectCount;
        var start = new int[n + 1];
        foreach (int target in _targets.AsSpan(0, _count))
        {
            start[target + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        var sources = new int[_count];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        for (int id = 0; id < n; id++)
        {
            for (int e = _start[id]; e < _start[id + 1]; e++)
            {
                sources[fill[_targets[e]]++] = id;
            }
        }
        return new ReferenceTable(start, sources, null);
    }
}
