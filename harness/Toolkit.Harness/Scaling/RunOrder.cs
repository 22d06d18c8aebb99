namespace Toolkit.Harness.Scaling;

/// <summary>
/// The order in which the tools measured at one size run in each repetition: the rows of a Williams
/// design, a Latin square in which every tool is first in exactly one of n consecutive rows and
/// follows every other tool equally often (for an odd n, over 2n rows: each row then its mirror). So
/// drift in the machine (heat, other load, page cache) and carry-over from the run before fall on every
/// tool alike, and no tool is always first at a size. Rows start from an offset per size, so the tool
/// that opens one size does not open the next.
/// </summary>
public static class RunOrder
{
    /// <summary>The positions 0..<paramref name="count"/>-1 in the order of row <paramref name="row"/> (any row number, taken modulo the design's length).</summary>
    public static IReadOnlyList<int> Row(int count, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        // First row: 0, 1, n−1, 2, n−2, ...; row r adds r to every entry.
        var first = new int[count];
        for (var j = 0; j < count; j++)
        {
            first[j] = j == 0 ? 0 : j % 2 == 1 ? (j + 1) / 2 : count - (j / 2);
        }

        var length = count % 2 == 0 ? count : 2 * count;
        var r = ((row % length) + length) % length;
        var order = first.Select(f => (f + r) % count).ToArray();
        if (count % 2 == 1 && r >= count)
        {
            Array.Reverse(order);
        }

        return order;
    }
}
