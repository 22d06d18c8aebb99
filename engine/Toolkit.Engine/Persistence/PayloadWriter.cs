using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// Builds a payload for a <see cref="CheckedFile"/> in one growable buffer borrowed from
/// <see cref="ArrayPool{T}.Shared"/> (returned on <see cref="Dispose"/>), with room for the file
/// header kept in front so that CheckedFile.Write
/// frames it without a copy. Integers are little-endian; varints are unsigned LEB128 (7 bits per
/// byte); signed varints are zigzag-encoded first; strings are a varint byte count then UTF-8.
/// Cost: the buffer doubles when full, so at most twice the payload is held, plus the copy made while growing.
/// </summary>
public sealed class PayloadWriter : IDisposable
{
    /// <summary>Initial capacity: small files (a handful of entries) never grow; big ones double quickly.</summary>
    private const int InitialCapacity = 4096;

    private const int HeaderRoom = CheckedFile.HeaderSize;
    private const int MaxVarIntBytes = 10;
    private const int SignatureBytes = 16;

    private byte[] _buffer;
    private int _position;

    /// <summary>Creates a writer; <paramref name="capacityHint"/> is the expected payload size in bytes.</summary>
    public PayloadWriter(int capacityHint = InitialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityHint);
        _buffer = ScratchBuffers.Rent(HeaderRoom + Math.Max(capacityHint, 16));
        _position = HeaderRoom;
    }

    /// <summary>Bytes of payload written so far.</summary>
    public int Length => _position - HeaderRoom;

    /// <summary>The payload written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => Buffer().AsSpan(HeaderRoom, Length);

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _position = HeaderRoom;

    /// <summary>
    /// For a payload encoded in parts (<see cref="CheckedFileWriter"/>): when at least <paramref name="atLeast"/> bytes are
    /// written, hands them to <paramref name="part"/> and forgets them, so the buffer stays about a part long.
    /// </summary>
    public void FlushTo(Action<ReadOnlySpan<byte>> part, int atLeast = 1)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (Length >= atLeast)
        {
            part(WrittenSpan);
            Clear();
        }
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => Take(1)[0] = value;

    /// <summary>Writes 4 bytes, little-endian.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(sizeof(uint)), value);

    /// <summary>Writes 8 bytes, little-endian.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(sizeof(ulong)), value);

    /// <summary>Writes 8 bytes, little-endian, two's complement.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value);

    /// <summary>Writes an unsigned varint: 7 bits per byte, low bits first, high bit set on all but the last (1 to 10 bytes).</summary>
    public void WriteVarUInt64(ulong value)
    {
        var span = Reserve(MaxVarIntBytes);
        var count = 0;
        while (value >= 0x80)
        {
            span[count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[count++] = (byte)value;
        _position += count;
    }

    /// <summary>Writes a signed value as a zigzag varint (small magnitudes of either sign take few bytes).</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>Writes a string: its UTF-8 byte count as a varint, then the bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt64((ulong)count);
        Encoding.UTF8.GetBytes(value, Take(count));
    }

    /// <summary>Writes the 16 bytes of a signature, big-endian as the digest was.</summary>
    public void WriteContentSignature(ContentSignature signature) => signature.WriteTo(Take(SignatureBytes));

    /// <summary>Returns the buffer to the pool; the writer cannot be used afterwards.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        if (buffer.Length != 0)
        {
            _buffer = [];
            ScratchBuffers.Return(buffer);
        }
    }

    /// <summary>The header room, the payload, and <paramref name="trailer"/> more bytes, as one span.</summary>
    internal Span<byte> GetFramedBuffer(int trailer)
    {
        Reserve(trailer);
        return _buffer.AsSpan(0, _position + trailer);
    }

    private Span<byte> Take(int count)
    {
        var span = Reserve(count)[..count];
        _position += count;
        return span;
    }

    private Span<byte> Reserve(int count)
    {
        var buffer = Buffer();
        if (buffer.Length - _position < count)
        {
            var needed = checked(_position + count);
            var grown = ScratchBuffers.Rent(Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * buffer.Length)));
            buffer.AsSpan(0, _position).CopyTo(grown);
            ScratchBuffers.Return(buffer);
            _buffer = buffer = grown;
        }

        return buffer.AsSpan(_position);
    }

    private byte[] Buffer() => _buffer.Length != 0 ? _buffer : throw new ObjectDisposedException(nameof(PayloadWriter));
}
