using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// Reads what a <see cref="PayloadWriter"/> wrote, checking every read against the end of the
/// payload: a read that would run past it, an over-long varint or an over-long or malformed string
/// throws a <see cref="FormatException"/> naming the payload offset. A ref struct over a span:
/// reading costs no allocation except the strings it returns.
/// </summary>
public ref struct PayloadReader
{
    private const int SignatureBytes = 16;
    private const int MaxVarUInt64Bytes = 10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads <paramref name="data"/> from its start.</summary>
    public PayloadReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>True when every byte has been read.</summary>
    public readonly bool IsAtEnd => _position == _data.Length;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => Take(1, "a byte")[0];

    /// <summary>Reads 4 bytes, little-endian.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint), "a u32"));

    /// <summary>Reads 8 bytes, little-endian.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong), "a u64"));

    /// <summary>Reads 8 bytes, little-endian, two's complement.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long), "an i64"));

    /// <summary>Reads an unsigned varint of at most 10 bytes whose value fits 64 bits.</summary>
    public ulong ReadVarUInt64()
    {
        var start = _position;
        ulong value = 0;
        for (var i = 0; i < MaxVarUInt64Bytes; i++)
        {
            if (_position >= _data.Length)
            {
                throw Error(start, $"a varint runs past the end of the payload ({_data.Length} bytes)");
            }

            var b = _data[_position++];
            if (i == MaxVarUInt64Bytes - 1 && b > 1)
            {
                throw Error(start, "a varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error(start, "a varint is longer than 10 bytes");
    }

    /// <summary>Reads an unsigned varint and checks it is at most <paramref name="max"/> (a count or a length).</summary>
    public int ReadVarInt32(int max, string what)
    {
        var start = _position;
        var value = ReadVarUInt64();
        if (value > (ulong)Math.Max(max, 0))
        {
            throw Error(start, $"{what} is {value}, more than the limit {max}");
        }

        return (int)value;
    }

    /// <summary>Reads a zigzag varint.</summary>
    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads <paramref name="count"/> raw bytes (a slice of the payload, not a copy).</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Take(count, "bytes");
    }

    /// <summary>Reads a string written by <see cref="PayloadWriter.WriteString"/>, refusing more than <paramref name="maxByteLength"/> UTF-8 bytes.</summary>
    public string ReadString(int maxByteLength)
    {
        var start = _position;
        var length = ReadVarInt32(maxByteLength, "a string's length");
        var bytes = Take(length, "a string");
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error(start, "a string is not valid UTF-8");
        }
    }

    /// <summary>Reads the 16 bytes of a signature.</summary>
    public ContentSignature ReadContentSignature() => ContentSignature.FromBytes(Take(SignatureBytes, "a content signature"));

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _data.Length - _position)
        {
            throw Error(_position, $"reading {what} needs {count} bytes but only {_data.Length - _position} remain");
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private static FormatException Error(int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"payload offset {offset}: {message}"));
}
