namespace Toolkit.Optimizations.Slots;

/// <summary>
/// Arrays of references used in place of <see cref="List{T}"/>: no list object (32 bytes) and no
/// spare capacity once trimmed. While loading, an array may carry a tail of nulls as growth room
/// (its count is the index of the first null, found by binary search); <see cref="Trim"/> makes it
/// exact-size, and an empty array is always the shared <see cref="Array.Empty{T}"/>.
/// </summary>
internal static class CompactArray
{
    /// <summary>
    /// First capacity of a growing array: most edge lists hold one to a few entries, so start small and
    /// double; the doubling keeps appends amortised O(1) for an alias of a million targets.
    /// </summary>
    private const int FirstCapacity = 2;

    /// <summary>Number of elements before the null tail.</summary>
    public static int Count<T>(T?[] array)
        where T : class
    {
        if (array.Length == 0 || array[^1] is not null)
        {
            return array.Length;
        }

        var low = 0;
        var high = array.Length - 1; // array[high] is null
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (array[middle] is null)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>Appends, doubling the array when it is full.</summary>
    public static void Append<T>(ref T[] array, T item)
        where T : class
    {
        var count = Count<T>(array);
        if (count == array.Length)
        {
            var grown = new T[Math.Max(FirstCapacity, array.Length * 2)];
            array.AsSpan().CopyTo(grown);
            array = grown;
        }

        array[count] = item;
    }

    /// <summary>Makes the array exact-size (the shared empty array when it holds nothing).</summary>
    public static void Trim<T>(ref T[] array)
        where T : class
    {
        var count = Count<T>(array);
        if (count == array.Length)
        {
            return;
        }

        array = count == 0 ? [] : array.AsSpan(0, count).ToArray();
    }
}
