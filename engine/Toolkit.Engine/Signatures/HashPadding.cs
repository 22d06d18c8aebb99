using System.Buffers.Binary;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// The final blocks of MD5 and SHA-256 (the same Merkle-Damgard padding of 64-byte blocks; only the length's byte
/// order differs): the last partial block, a 0x80 byte, zeros, and the message's length in bits in the last 8 bytes,
/// as one block, or two when the tail leaves fewer than 9 bytes. Shared by <see cref="ManagedMd5"/> and
/// <c>Persistence.ManagedSha256</c>.
/// </summary>
internal static class HashPadding
{
    /// <summary>Bytes of a block.</summary>
    public const int BlockSize = 64;

    /// <summary>Writes the final blocks of a message of <paramref name="length"/> bytes ending in <paramref name="tail"/> (fewer than 64 bytes) into <paramref name="last"/> (128 bytes) and returns their length, 64 or 128.</summary>
    public static int Pad(ReadOnlySpan<byte> tail, ulong length, bool bigEndianLength, Span<byte> last)
    {
        last.Clear();
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var blocks = tail.Length < BlockSize - sizeof(ulong) ? BlockSize : 2 * BlockSize;
        var lengthField = last[(blocks - sizeof(ulong))..blocks];
        if (bigEndianLength)
        {
            BinaryPrimitives.WriteUInt64BigEndian(lengthField, length * 8);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(lengthField, length * 8);
        }

        return blocks;
    }
}
