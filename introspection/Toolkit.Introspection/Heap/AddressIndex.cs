namespace Toolkit.Introspection.Heap;

/// <summary>
/// A temporary open-addressing hash from address to object number, used while loading to
/// resolve references: one int per slot, twice as many slots as objects (8 bytes per object),
/// one or two cache misses per lookup where a binary search over 10 million addresses takes ~13.
/// </summary>
public sealed class AddressIndex
{
    private readonly ulong[] _addresses;
    private readonly int[] _slots;
    private readonly int _shift;

    public AddressIndex(ulong[] addresses)
    {
        _addresses = addresses;
        int bits = 4;
        while ((1L << bits) < (long)addresses.Length * 2)
        {
            bits++;
        }
        _shift = 64 - bits;
        _slots = new int[1 << bits];
        Array.Fill(_slots, -1);
        int mask = _slots.Length - 1;
        for (int i = 0; i < addresses.Length; i++)
        {
            int slot = Hash(addresses[i]);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }
            _slots[slot] = i;
        }
    }

    public int Find(ulong address)
    {
        int mask = _slots.Length - 1;
        int slot = Hash(address);
        while (true)
        {
            int id = _slots[slot];
            if (id < 0 || _addresses[id] == address)
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    // Fibonacci hashing of the address without its always-zero alignment bits.
    private int Hash(ulong address) => (int)(((address >> 3) * 0x9E3779B97F4A7C15UL) >> _shift);
}
