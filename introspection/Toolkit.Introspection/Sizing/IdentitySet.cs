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
        int i = Spread(RuntimeHelpers.GetHashCode(o)) & mask;
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
        int i = Spread(RuntimeHelpers.GetHashCode(o)) & mask;
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

    /// <summary>Fibonacci hashing: identity hashes are small sequential-ish numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Spread(int h) => (int)(((uint)h * 2654435769u) >> 1);

    private void Grow()
    {
        object?[] old = _slots;
        var slots = new object?[old.Length * 2];
        int mask = slots.Length - 1;
        foreach (object? o in old)
        {
            if (o is null)
            {
                continue;
            }

            int i = Spread(RuntimeHelpers.GetHashCode(o)) & mask;
            while (slots[i] is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i] = o;
        }

        _slots = slots;
    }
}
