using System.Buffers.Binary;
using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Where a counted collection keeps its element count, found once per type: the offsets of its <c>_size</c>, <c>_count</c>,
/// <c>_freeCount</c> and <c>m_ChunkLength</c> fields (-1 when absent), the first field of each name in ClrMD's order, as
/// <see cref="ClrObject.TryReadField{T}"/> finds them. Reads the count from the object's bytes, as
/// <see cref="WalkedObjectReader.ReadCount"/> does through ClrMD (two object lookups and a search by name per object).
/// </summary>
internal readonly record struct WalkedCount(int Size, int Count, int FreeCount, int ChunkLength)
{
    public static WalkedCount Of(ClrType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new WalkedCount(Offset(type, "_size"), Offset(type, "_count"), Offset(type, "_freeCount"), Offset(type, "m_ChunkLength"));
    }

    /// <summary>The count from <paramref name="obj"/> (the object's bytes from its method table pointer); false when a field lies outside them.</summary>
    public bool TryRead(ReadOnlySpan<byte> obj, int pointerSize, out long count)
    {
        count = 0;
        if (Size >= 0)
        {
            return TryInt(obj, pointerSize, Size, out int size) && Set(size, out count);
        }
        if (Count >= 0)
        {
            if (!TryInt(obj, pointerSize, Count, out int value))
            {
                return false;
            }
            int free = 0;
            if (FreeCount >= 0 && !TryInt(obj, pointerSize, FreeCount, out free))
            {
                return false;
            }
            return Set(unchecked(value - free), out count);
        }
        if (ChunkLength >= 0)
        {
            return TryInt(obj, pointerSize, ChunkLength, out int chunk) && Set(chunk, out count);
        }
        return true;
    }

    private static bool Set(long value, out long count)
    {
        count = value;
        return true;
    }

    private static bool TryInt(ReadOnlySpan<byte> obj, int pointerSize, int offset, out int value)
    {
        int at = pointerSize + offset;
        if (at < 0 || at + 4 > obj.Length)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadInt32LittleEndian(obj[at..]);
        return true;
    }

    private static int Offset(ClrType type, string name)
    {
        foreach (var field in type.Fields)
        {
            if (field.Name == name)
            {
                return field.Offset;
            }
        }
        return -1;
    }
}
