namespace Toolkit.Introspection.Heap;

/// <summary>
/// The cyclic components of a heap (two or more objects, or one holding itself), numbered 0..Count-1 in component order, with their
/// members in one array (a CSR layout: an offset per cycle, 4 bytes per member) and their bytes. Costs 4 bytes per component to map
/// component numbers to cycle numbers.
/// </summary>
internal sealed class CycleSet
{
    private readonly int[] _cycleOf;
    private readonly int[] _offsets;
    private readonly int[] _members;
    private readonly long[] _bytes;

    private CycleSet(int[] cycleOf, int[] offsets, int[] members, long[] bytes)
    {
        _cycleOf = cycleOf;
        _offsets = offsets;
        _members = members;
        _bytes = bytes;
    }

    public int Count => _bytes.Length;

    /// <summary>The cycle number of component <paramref name="component"/>, or -1 when it is not a cycle (or skipped).</summary>
    public int CycleOf(int component) => component < 0 ? -1 : _cycleOf[component];

    /// <summary>The objects of cycle <paramref name="k"/>, in address order.</summary>
    public ReadOnlySpan<int> Members(int k) => _members.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]);

    public long Bytes(int k) => _bytes[k];

    public static CycleSet Collect(HeapGraph graph, StrongComponents components)
    {
        var cycleOf = new int[components.Count];
        Array.Fill(cycleOf, -1);
        int count = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            int c = components.Of(id);
            if (c >= 0 && cycleOf[c] < 0 && (components.Size(c) > 1 || graph.Children(id).Contains(id)))
            {
                cycleOf[c] = count++;
            }
        }
        var offsets = new int[count + 1];
        var bytes = new long[count];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            int k = components.Of(id) < 0 ? -1 : cycleOf[components.Of(id)];
            if (k >= 0)
            {
                offsets[k + 1]++;
                bytes[k] += graph.Size(id);
            }
        }
        for (int k = 0; k < count; k++)
        {
            offsets[k + 1] += offsets[k];
        }
        var members = new int[offsets[count]];
        var fill = offsets[..count];
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            int k = components.Of(id) < 0 ? -1 : cycleOf[components.Of(id)];
            if (k >= 0)
            {
                members[fill[k]++] = id;
            }
        }
        return new CycleSet(cycleOf, offsets, members, bytes);
    }
}
