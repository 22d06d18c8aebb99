namespace Toolkit.Introspection.Heap;

/// <summary>
/// Compares two heaps per type (by type name and module, so two types of one name from different assemblies
/// stay two rows, each named with its module in brackets): count and size deltas, types new and gone, and
/// objects new and gone by address (an object at the same address with the same type counts as
/// kept; a compacting GC between the snapshots makes moved objects count as new and gone).
/// One merge pass over the two address-sorted object lists.
/// </summary>
public static class HeapDiff
{
    public static HeapDiffReport Compare(HeapGraph before, HeapGraph after)
    {
        var rows = new Dictionary<(string Name, string Module), long[]>();
        long[] Row(HeapType type)
        {
            if (!rows.TryGetValue((type.Name, type.Module), out var row))
            {
                row = new long[6];
                rows.Add((type.Name, type.Module), row);
            }
            return row;
        }
        var beforeRows = before.Types.Select(Row).ToArray();
        var afterRows = after.Types.Select(Row).ToArray();
        int i = 0;
        int j = 0;
        while (true)
        {
            while (i < before.ObjectCount && before.IsExcluded(i))
            {
                i++;
            }
            while (j < after.ObjectCount && after.IsExcluded(j))
            {
                j++;
            }
            if (i >= before.ObjectCount && j >= after.ObjectCount)
            {
                break;
            }
            ulong a = i < before.ObjectCount ? before.Address(i) : ulong.MaxValue;
            ulong b = j < after.ObjectCount ? after.Address(j) : ulong.MaxValue;
            if (a == b && SameType(before.TypeOf(i), after.TypeOf(j)))
            {
                Count(beforeRows[before.TypeIndex(i)], before.Size(i), 0, -1);
                Count(afterRows[after.TypeIndex(j)], after.Size(j), 1, -1);
                i++;
                j++;
            }
            else if (a <= b)
            {
                Count(beforeRows[before.TypeIndex(i)], before.Size(i), 0, 5);
                i++;
                if (a == b)
                {
                    Count(afterRows[after.TypeIndex(j)], after.Size(j), 1, 4);
                    j++;
                }
            }
            else
            {
                Count(afterRows[after.TypeIndex(j)], after.Size(j), 1, 4);
                j++;
            }
        }
        var clash = HeapTypeNames.Clashing(rows.Keys);
        var list = rows.Select(kv => new HeapDiffRow(HeapTypeNames.Display(kv.Key.Name, kv.Key.Module, clash), kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4], kv.Value[5]))
            .Where(r => r.CountBefore + r.CountAfter > 0)
            .OrderByDescending(r => Math.Abs(r.BytesDelta)).ThenBy(r => r.Type, StringComparer.Ordinal).ToList();
        return new HeapDiffReport(list.Sum(r => r.CountBefore), list.Sum(r => r.CountAfter), list.Sum(r => r.BytesBefore), list.Sum(r => r.BytesAfter), list);
    }

    /// <summary>Loads two heap files and compares them.</summary>
    public static HeapDiffReport Compare(string beforePath, string afterPath) => Compare(HeapGraph.Load(beforePath), HeapGraph.Load(afterPath));

    private static bool SameType(HeapType before, HeapType after) =>
        string.Equals(before.Name, after.Name, StringComparison.Ordinal) && string.Equals(before.Module, after.Module, StringComparison.Ordinal);

    // row: [0] count before, [1] count after, [2] bytes before, [3] bytes after, [4] new, [5] gone.
    private static void Count(long[] row, long size, int side, int status)
    {
        row[side]++;
        row[2 + side] += size;
        if (status >= 0)
        {
            row[status]++;
        }
    }
}
