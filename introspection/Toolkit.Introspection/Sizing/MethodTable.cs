using System.Runtime.CompilerServices;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// Reads the runtime's MethodTable of an object the way the GC does to size it:
/// <c>uint m_dwFlags</c> at offset 0 (low 16 bits = component size when the HasComponentSize flag is set)
/// and <c>uint m_BaseSize</c> at offset 4 (coreclr/vm/methodtable.h). Costs no allocation.
/// </summary>
internal static unsafe class MethodTable
{
    /// <summary>Set in m_dwFlags for arrays and strings: the low 16 bits are the per-element size.</summary>
    private const uint HasComponentSizeFlag = 0x80000000;

    /// <summary>The GC aligns every object size to the pointer size.</summary>
    private static readonly long AlignMask = IntPtr.Size - 1;

    /// <summary>The method-table pointer stored in the object's first word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IntPtr Of(object o)
    {
        ref byte data = ref Unsafe.As<RawData>(o).Data;
        return Unsafe.ReadUnaligned<IntPtr>(ref Unsafe.Subtract(ref data, IntPtr.Size));
    }

    /// <summary>Base size (header, method-table pointer and fixed fields, as the runtime lays them out).</summary>
    public static uint BaseSize(IntPtr mt) => *(uint*)((byte*)mt + 4);

    /// <summary>Bytes per element for arrays and strings; 0 for everything else.</summary>
    public static uint ComponentSize(IntPtr mt)
    {
        uint flags = *(uint*)mt;
        return (flags & HasComponentSizeFlag) != 0 ? flags & 0xFFFF : 0;
    }

    /// <summary>The GC never allocates less: header, method-table pointer and one slot (the empty string's raw size is 22).</summary>
    private static readonly long MinObjectSize = 3 * IntPtr.Size;

    /// <summary>BaseSize + ComponentSize * length, at least the minimum object size, before alignment (what ClrMD 2.x reports as ClrObject.Size).</summary>
    public static long RawSizeOf(object o, IntPtr mt)
    {
        uint flags = *(uint*)mt;
        long size = *(uint*)((byte*)mt + 4);
        if ((flags & HasComponentSizeFlag) != 0)
        {
            size += (long)(flags & 0xFFFF) * Unsafe.As<byte, uint>(ref Unsafe.As<RawData>(o).Data);
        }

        return Math.Max(size, MinObjectSize);
    }

    /// <summary>The object's size as the GC computes it: BaseSize + ComponentSize * length, pointer-aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SizeOf(object o, IntPtr mt)
    {
        uint flags = *(uint*)mt;
        long size = *(uint*)((byte*)mt + 4);
        if ((flags & HasComponentSizeFlag) != 0)
        {
            // Arrays and strings keep their element count in the first data word.
            uint length = Unsafe.As<byte, uint>(ref Unsafe.As<RawData>(o).Data);
            size += (long)(flags & 0xFFFF) * length;
        }

        return (size + AlignMask) & ~AlignMask;
    }
}
