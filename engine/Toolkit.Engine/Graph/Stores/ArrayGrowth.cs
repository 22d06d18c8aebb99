namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// Geometric growth and trimming of arrays that grow item by item (the struct-of-arrays store's parallel arrays, <see cref="ByteArena"/>'s starts). Growing by half
/// (not doubling) keeps both the slack after loading and the transient old+new copy during a resize
/// smaller: peak while resizing is 2.5x the live data instead of 3x, and CompleteLoad trims the slack.
/// </summary>
public static class ArrayGrowth
{
    /// <summary>
    /// Smallest capacity of a growing array: below it the 1.5x rule would resize every few items.
    /// </summary>
    public const int MinimumCapacity = 16;

    /// <summary>Makes <paramref name="array"/> hold at least <paramref name="needed"/> items, growing by half.</summary>
    public static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (needed <= array.Length)
        {
            return;
        }

        var grown = Math.Max(MinimumCapacity, array.Length + (array.Length >> 1));
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(grown, (long)needed));
        if (capacity < needed)
        {
            throw new InvalidOperationException($"cannot hold {needed} items in one array");
        }

        Array.Resize(ref array, capacity);
    }

    /// <summary>Cuts <paramref name="array"/> to exactly <paramref name="length"/> items (no copy when it already is).</summary>
    public static void Trim<T>(ref T[] array, int length)
    {
        if (array.Length != length)
        {
            Array.Resize(ref array, length);
        }
    }
}
