using System.Runtime.CompilerServices;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// A set of objects by reference identity (open addressing over the runtime's identity hash),
/// used as the visited set of a deep walk. Costs 8 bytes per slot at most half full (about 16-32 bytes
/// per member); it holds its members strongly, so it lives only as long as one walk.
/// </summary>
internal sealed class IdentitySet
{
    /// <summary>Start small: most walks are of a few objects.</summary>
    private const int InitialCapacity = 64;

    private object?[] _slots = new object?[InitialCapacity];
    private int _shift = 32 - System.Numerics.BitOperations.Log2(InitialCapacity);
    private int _count;

    public int Count => _count;

    /// <summary>Adds <paramref name="o"/>; false when it was already a member.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(object o)
    {
        // Grow at half full so probe chains stay short.
        if (_count >= _slots.Length >> 1)
        {
            Grow();
        }

        object?[] slots = _slots;
        int mask = slots.Length - 1;
        int i = Spread(RuntimeHelpers.GetHashCode(o), _shift);
        while (true)
        {
            object? s = slots[i];
            if (s is null)
            {
                slots[i] = o;
                _count++;
                return true;
            }

            if (ReferenceEquals(s, o))
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    public bool Contains(object o)
    {
        object?[] slots = _slots;
        int mask = slots.Length - 1;
        int i = Spread(RuntimeHelpers.GetHashCode(o), _shift);
        while (true)
        {
            object? s = slots[i];
            if (s is null)
            {
                return false;
            }

            if (ReferenceEquals(s, o))
            {
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>
    /// Fibonacci hashing, taking the product's high bits: identity hashes come from a linear congruential
    /// generator whose low bits repeat with short periods, so low bits would cluster the probes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Spread(int h, int shift) => (int)(((uint)h * 2654435769u) >> shift);

    private void Grow()
    {
        object?[] old = _slots;
        var slots = new object?[old.Length * 2];
        int mask = slots.Length - 1;
        _shift--;
        foreach (object? o in old)
        {
            if (o is null)
            {
                continue;
            }

            int i = Spread(RuntimeHelpers.GetHashCode(o), _shift);
            while (slots[i] is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i] = o;
        }

        _slots = slots;
    }
}
