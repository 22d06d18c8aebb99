using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>What the <see cref="HeapWalker"/> keeps per method table: the type's index in the file, its record, and what decoding
/// an instance needs (field offsets for mapping a reference to its field, base and component size, the GC descriptor and its slots).</summary>
internal sealed record WalkedType(int Index, HeapType Type, ClrType Clr, int[] Offsets, int[] Sizes, uint BaseSize, uint ComponentSize, bool ContainsPointers, GCDesc Desc, GcSlots? Slots)
{
    /// <summary>Where a counted collection (<see cref="HeapType.HasCount"/>) keeps its count; unset for other types.</summary>
    public WalkedCount Counted { get; init; }

    /// <summary>Field ordinal plus one of the field that holds <paramref name="offset"/>; 0 when none does.</summary>
    public int FieldFor(int offset)
    {
        int lo = 0;
        int hi = Offsets.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Offsets[mid] <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && offset < Offsets[found] + Math.Max(Sizes[found], 1) ? found + 1 : HeapFileFormat.NoField;
    }

    /// <summary>ClrMD's <c>ClrObject.Size</c> from the header bytes: base size plus count times component size (a string's count plus one
    /// for its terminator), at least three pointers; unaligned.</summary>
    public ulong ObjectSize(ReadOnlySpan<byte> head, int pointerSize)
    {
        ulong size = BaseSize;
        if (ComponentSize != 0)
        {
            uint components = BitConverter.ToUInt32(head[pointerSize..]);
            size = (components + (Type.IsString ? 1UL : 0UL)) * ComponentSize + BaseSize;
        }
        return Math.Max(size, 3UL * (uint)pointerSize);
    }
}
