using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The scanner's concurrent dictionaries sized from <see cref="ScanOptions.ExpectedFiles"/>: one that grows past its
/// capacity allocates its buckets and every one of its entries again at each doubling (about as many entries made
/// again as it ends with), so a dictionary whose final size is about known is made at that size.
/// </summary>
public static class ScanCapacity
{
    /// <summary>A dictionary for about <paramref name="expected"/> entries (at the default size when 0 or less).</summary>
    public static ConcurrentDictionary<TKey, TValue> Dictionary<TKey, TValue>(int expected, IEqualityComparer<TKey>? comparer)
        where TKey : notnull =>
        expected > 0
            ? new ConcurrentDictionary<TKey, TValue>(Environment.ProcessorCount, expected, comparer)
            : new ConcurrentDictionary<TKey, TValue>(comparer);
}
