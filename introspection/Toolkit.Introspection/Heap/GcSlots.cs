using System.Buffers.Binary;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A type's GC descriptor (the series of reference slots the runtime stores just below its method table), decoded from its
/// raw bytes and walked over an object's bytes in a span: what ClrMD's <c>GCDesc.WalkObject</c> yields, in the same order,
/// without an iterator and a copy of the object per call. Costs one small array per type with references.
/// </summary>
public sealed class GcSlots
{
    private readonly byte[] _data;
    private readonly int _pointerSize;
    private readonly long _series;

    private GcSlots(byte[] data, int pointerSize)
    {
        _data = data;
        _pointerSize = pointerSize;
        _series = ReadSigned(data.Length - pointerSize);
    }

    /// <summary>The descriptor below method table <paramref name="methodTable"/>, or null when it cannot be read or is empty.</summary>
    public static GcSlots? Read(Microsoft.Diagnostics.Runtime.IDataReader reader, ulong methodTable)
    {
        int pointerSize = reader.PointerSize;
        Span<byte> count = stackalloc byte[8];
        if (reader.Read(methodTable - (ulong)pointerSize, count[..pointerSize]) != pointerSize)
        {
            return null;
        }
        long series = pointerSize == 8 ? BinaryPrimitives.ReadInt64LittleEndian(count) : BinaryPrimitives.ReadInt32LittleEndian(count);
        // Bound a damaged count: no real type has this many series (one per run of reference fields).
        const long MaxSeries = 1 << 16;
        if (series == 0 || Math.Abs(series) > MaxSeries)
        {
            return null;
        }
        int bytes = pointerSize + (int)Math.Abs(series) * 2 * pointerSize;
        var data = new byte[bytes];
        return reader.Read(methodTable - (ulong)bytes, data) == bytes ? new GcSlots(data, pointerSize) : null;
    }

    /// <summary>Calls <paramref name="found"/> with each non-null reference in <paramref name="obj"/> (the object's <paramref name="size"/> bytes)
    /// and its offset from the object start. False (part of the references given) when a slot lies outside the object: a damaged descriptor.</summary>
    public bool Walk<TSink>(ReadOnlySpan<byte> obj, int size, ref TSink found) where TSink : struct, ISlotSink
    {
        int highest = _data.Length - 3 * _pointerSize;
        if (_series > 0)
        {
            int lowest = _data.Length - _pointerSize - (int)_series * 2 * _pointerSize;
            for (int at = highest; at >= lowest; at -= 2 * _pointerSize)
            {
                long offset = ReadSigned(at + _pointerSize);
                long stop = offset + ReadSigned(at) + size;
                for (; offset < stop; offset += _pointerSize)
                {
                    if (!Take(obj, offset, ref found))
                    {
                        return false;
                    }
                }
            }
            return true;
        }
        // A value-type array: one repeating pattern of (pointers, bytes to skip) items over the elements.
        long position = ReadSigned(highest + _pointerSize);
        while (position < size - _pointerSize)
        {
            for (long i = 0; i > _series; i--)
            {
                int item = highest + (int)i * _pointerSize;
                int pointers = _pointerSize == 8 ? BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(item)) : BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(item));
                int skip = _pointerSize == 8 ? BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(item + 4)) : BinaryPrimitives.ReadInt16LittleEndian(_data.AsSpan(item + 2));
                long stop = position + (long)pointers * _pointerSize;
                do
                {
                    if (!Take(obj, position, ref found))
                    {
                        return false;
                    }
                    position += _pointerSize;
                }
                while (position < stop);
                position += skip;
            }
        }
        return true;
    }

    private bool Take<TSink>(ReadOnlySpan<byte> obj, long offset, ref TSink found) where TSink : struct, ISlotSink
    {
        if (offset < 0 || offset + _pointerSize > obj.Length)
        {
            return false;
        }
        var slot = obj[(int)offset..];
        ulong reference = _pointerSize == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(slot) : BinaryPrimitives.ReadUInt32LittleEndian(slot);
        if (reference != 0)
        {
            found.Add(reference, (int)offset);
        }
        return true;
    }

    private long ReadSigned(int at) => _pointerSize == 8
        ? BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(at))
        : BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(at));
}

/// <summary>Receives the references <see cref="GcSlots.Walk"/> finds (a struct, so the call is not virtual).</summary>
public interface ISlotSink
{
    void Add(ulong reference, int offset);
}
