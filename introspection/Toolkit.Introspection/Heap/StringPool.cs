using System.Buffers.Binary;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Holds each distinct string content of a heap once (4-byte length, then UTF-8 bytes, in one
/// blob) and gives its offset: duplicate strings, common in real heaps, cost 4 bytes each for
/// the offset instead of their text. Equal contents get equal offsets, which the duplicate
/// string inspection uses.
/// </summary>
public sealed class StringPool
{
    private readonly ByteBuffer _blob = new();
    private int[] _slots = CreateSlots(1 << 12);
    private int _distinct;

    public int Distinct => _distinct;

    /// <summary>Offset of <paramref name="bytes"/> in the blob, adding it if new.</summary>
    public int Add(ReadOnlySpan<byte> bytes)
    {
        if (_distinct * 2 >= _slots.Length)
        {
            Grow();
        }
        int hash = Hash(bytes);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int offset = _slots[slot];
            if (offset < 0)
            {
                int at = _blob.Count;
                var target = _blob.Reserve(4 + bytes.Length);
                BinaryPrimitives.WriteInt32LittleEndian(target, bytes.Length);
                bytes.CopyTo(target[4..]);
                _slots[slot] = at;
                _distinct++;
                return at;
            }
            if (Content(_blob.Span, offset).SequenceEqual(bytes))
            {
                return offset;
            }
            slot = (slot + 1) & mask;
        }
    }

    public byte[] ToArray() => _blob.ToArray();

    /// <summary>The UTF-8 bytes stored at <paramref name="offset"/> of a pool blob.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> blob, int offset)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(blob[offset..]);
        return blob.Slice(offset + 4, length);
    }

    private void Grow()
    {
        var slots = CreateSlots(_slots.Length * 2);
        int mask = slots.Length - 1;
        foreach (int offset in _slots)
        {
            if (offset >= 0)
            {
                int slot = Hash(Content(_blob.Span, offset)) & mask;
                while (slots[slot] >= 0)
                {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = offset;
            }
        }
        _slots = slots;
    }

    private static int[] CreateSlots(int count)
    {
        var slots = new int[count];
        Array.Fill(slots, -1);
        return slots;
    }

    // Multiply-xor over 8-byte words, then a final avalanche: a few cycles for the short strings heaps are full of, where
    // System.HashCode's byte-wise tail cost more than the rest of the lookup. Not randomized: the pool holds one heap's strings.
    private const ulong HashMultiplier = 0x9E3779B97F4A7C15;

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong h = (ulong)bytes.Length * HashMultiplier;
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * HashMultiplier;
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }
        h = (h ^ tail) * HashMultiplier;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9;
        h ^= h >> 32;
        return (int)h;
    }
}
