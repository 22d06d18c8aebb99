using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// MD5 (RFC 1321) in managed code: the same 16-byte digest as <c>System.Security.Cryptography.MD5</c>, without
/// it. On Linux the platform's MD5 is OpenSSL's, and the first hash maps libcrypto and libssl into the process
/// (about 3.6 MiB resident in the NativeAOT <c>toolkit-build</c>'s dry run at 10k sources, a sixth of its peak:
/// docs/measuring.md, "Where the dry run's memory goes"); the engine's signatures need MD5's digest, not its
/// security, so they are computed here and existing databases keep their signatures. One instance hashes one
/// stream of bytes at a time (<see cref="Append"/>, then <see cref="GetHashAndReset"/>) and is not thread-safe;
/// <see cref="HashData"/> hashes a span in one call with no allocation.
/// </summary>
public sealed class ManagedMd5
{
    /// <summary>Bytes of a digest.</summary>
    public const int HashSizeInBytes = 16;

    private const int BlockSize = HashPadding.BlockSize;

    private readonly PendingBlock _pending = new();
    private State _state = State.Initial;

    /// <summary>Adds <paramref name="data"/> to the bytes being hashed.</summary>
    public void Append(ReadOnlySpan<byte> data) => _pending.Append(ref _state, data);

    /// <summary>Writes the digest of the bytes appended since the last reset to <paramref name="destination"/> (16 bytes) and starts again.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        CheckDestination(destination);
        _state.Finish(_pending.Tail, _pending.Length, destination);
        Reset();
    }

    /// <summary>Forgets the bytes appended since the last reset.</summary>
    public void Reset()
    {
        _state = State.Initial;
        _pending.Reset();
    }

    /// <summary>Writes the MD5 digest of <paramref name="data"/> to <paramref name="destination"/> (16 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        CheckDestination(destination);
        var state = State.Initial;
        var whole = data.Length - (data.Length % BlockSize);
        state.Blocks(data[..whole]);
        state.Finish(data[whole..], (ulong)data.Length, destination);
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException($"the destination holds {destination.Length} bytes; an MD5 digest needs {HashSizeInBytes}", nameof(destination));
        }
    }

    // The four 32-bit words of MD5's chaining state.
    private struct State : IBlockHash
    {
        private uint _a;
        private uint _b;
        private uint _c;
        private uint _d;

        public static State Initial => new() { _a = 0x67452301u, _b = 0xEFCDAB89u, _c = 0x98BADCFEu, _d = 0x10325476u };

        // The last partial block (fewer than 64 bytes) padded (HashPadding, the length little-endian); then the
        // state as the digest.
        public void Finish(ReadOnlySpan<byte> tail, ulong length, Span<byte> destination)
        {
            Span<byte> last = stackalloc byte[2 * BlockSize];
            Blocks(last[..HashPadding.Pad(tail, length, bigEndianLength: false, last)]);
            BinaryPrimitives.WriteUInt32LittleEndian(destination, _a);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], _b);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], _c);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], _d);
        }

        // RFC 1321, section 3.4: the 64 steps on each 64-byte block of data (whose length is a multiple of 64).
        public void Blocks(ReadOnlySpan<byte> data)
        {
            uint a = _a, b = _b, c = _c, d = _d;
            for (; data.Length >= BlockSize; data = data[BlockSize..])
            {
                var block = data[..BlockSize];
                var x0 = BinaryPrimitives.ReadUInt32LittleEndian(block[0..]);
                var x1 = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
                var x2 = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
                var x3 = BinaryPrimitives.ReadUInt32LittleEndian(block[12..]);
                var x4 = BinaryPrimitives.ReadUInt32LittleEndian(block[16..]);
                var x5 = BinaryPrimitives.ReadUInt32LittleEndian(block[20..]);
                var x6 = BinaryPrimitives.ReadUInt32LittleEndian(block[24..]);
                var x7 = BinaryPrimitives.ReadUInt32LittleEndian(block[28..]);
                var x8 = BinaryPrimitives.ReadUInt32LittleEndian(block[32..]);
                var x9 = BinaryPrimitives.ReadUInt32LittleEndian(block[36..]);
                var x10 = BinaryPrimitives.ReadUInt32LittleEndian(block[40..]);
                var x11 = BinaryPrimitives.ReadUInt32LittleEndian(block[44..]);
                var x12 = BinaryPrimitives.ReadUInt32LittleEndian(block[48..]);
                var x13 = BinaryPrimitives.ReadUInt32LittleEndian(block[52..]);
                var x14 = BinaryPrimitives.ReadUInt32LittleEndian(block[56..]);
                var x15 = BinaryPrimitives.ReadUInt32LittleEndian(block[60..]);
                uint aa = a, bb = b, cc = c, dd = d;

                a = F(a, b, c, d, x0 + 0xD76AA478u, 7);
                d = F(d, a, b, c, x1 + 0xE8C7B756u, 12);
                c = F(c, d, a, b, x2 + 0x242070DBu, 17);
                b = F(b, c, d, a, x3 + 0xC1BDCEEEu, 22);
                a = F(a, b, c, d, x4 + 0xF57C0FAFu, 7);
                d = F(d, a, b, c, x5 + 0x4787C62Au, 12);
                c = F(c, d, a, b, x6 + 0xA8304613u, 17);
                b = F(b, c, d, a, x7 + 0xFD469501u, 22);
                a = F(a, b, c, d, x8 + 0x698098D8u, 7);
                d = F(d, a, b, c, x9 + 0x8B44F7AFu, 12);
                c = F(c, d, a, b, x10 + 0xFFFF5BB1u, 17);
                b = F(b, c, d, a, x11 + 0x895CD7BEu, 22);
                a = F(a, b, c, d, x12 + 0x6B901122u, 7);
                d = F(d, a, b, c, x13 + 0xFD987193u, 12);
                c = F(c, d, a, b, x14 + 0xA679438Eu, 17);
                b = F(b, c, d, a, x15 + 0x49B40821u, 22);

                a = G(a, b, c, d, x1 + 0xF61E2562u, 5);
                d = G(d, a, b, c, x6 + 0xC040B340u, 9);
                c = G(c, d, a, b, x11 + 0x265E5A51u, 14);
                b = G(b, c, d, a, x0 + 0xE9B6C7AAu, 20);
                a = G(a, b, c, d, x5 + 0xD62F105Du, 5);
                d = G(d, a, b, c, x10 + 0x02441453u, 9);
                c = G(c, d, a, b, x15 + 0xD8A1E681u, 14);
                b = G(b, c, d, a, x4 + 0xE7D3FBC8u, 20);
                a = G(a, b, c, d, x9 + 0x21E1CDE6u, 5);
                d = G(d, a, b, c, x14 + 0xC33707D6u, 9);
                c = G(c, d, a, b, x3 + 0xF4D50D87u, 14);
                b = G(b, c, d, a, x8 + 0x455A14EDu, 20);
                a = G(a, b, c, d, x13 + 0xA9E3E905u, 5);
                d = G(d, a, b, c, x2 + 0xFCEFA3F8u, 9);
                c = G(c, d, a, b, x7 + 0x676F02D9u, 14);
                b = G(b, c, d, a, x12 + 0x8D2A4C8Au, 20);

                a = H(a, b, c, d, x5 + 0xFFFA3942u, 4);
                d = H(d, a, b, c, x8 + 0x8771F681u, 11);
                c = H(c, d, a, b, x11 + 0x6D9D6122u, 16);
                b = H(b, c, d, a, x14 + 0xFDE5380Cu, 23);
                a = H(a, b, c, d, x1 + 0xA4BEEA44u, 4);
                d = H(d, a, b, c, x4 + 0x4BDECFA9u, 11);
                c = H(c, d, a, b, x7 + 0xF6BB4B60u, 16);
                b = H(b, c, d, a, x10 + 0xBEBFBC70u, 23);
                a = H(a, b, c, d, x13 + 0x289B7EC6u, 4);
                d = H(d, a, b, c, x0 + 0xEAA127FAu, 11);
                c = H(c, d, a, b, x3 + 0xD4EF3085u, 16);
                b = H(b, c, d, a, x6 + 0x04881D05u, 23);
                a = H(a, b, c, d, x9 + 0xD9D4D039u, 4);
                d = H(d, a, b, c, x12 + 0xE6DB99E5u, 11);
                c = H(c, d, a, b, x15 + 0x1FA27CF8u, 16);
                b = H(b, c, d, a, x2 + 0xC4AC5665u, 23);

                a = I(a, b, c, d, x0 + 0xF4292244u, 6);
                d = I(d, a, b, c, x7 + 0x432AFF97u, 10);
                c = I(c, d, a, b, x14 + 0xAB9423A7u, 15);
                b = I(b, c, d, a, x5 + 0xFC93A039u, 21);
                a = I(a, b, c, d, x12 + 0x655B59C3u, 6);
                d = I(d, a, b, c, x3 + 0x8F0CCC92u, 10);
                c = I(c, d, a, b, x10 + 0xFFEFF47Du, 15);
                b = I(b, c, d, a, x1 + 0x85845DD1u, 21);
                a = I(a, b, c, d, x8 + 0x6FA87E4Fu, 6);
                d = I(d, a, b, c, x15 + 0xFE2CE6E0u, 10);
                c = I(c, d, a, b, x6 + 0xA3014314u, 15);
                b = I(b, c, d, a, x13 + 0x4E0811A1u, 21);
                a = I(a, b, c, d, x4 + 0xF7537E82u, 6);
                d = I(d, a, b, c, x11 + 0xBD3AF235u, 10);
                c = I(c, d, a, b, x2 + 0x2AD7D2BBu, 15);
                b = I(b, c, d, a, x9 + 0xEB86D391u, 21);
                a += aa;
                b += bb;
                c += cc;
                d += dd;
            }

            _a = a;
            _b = b;
            _c = c;
            _d = d;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint F(uint a, uint b, uint c, uint d, uint xt, int s) => b + BitOperations.RotateLeft(a + xt + (d ^ (b & (c ^ d))), s);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint G(uint a, uint b, uint c, uint d, uint xt, int s) => b + BitOperations.RotateLeft(a + xt + (c ^ (d & (b ^ c))), s);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint H(uint a, uint b, uint c, uint d, uint xt, int s) => b + BitOperations.RotateLeft(a + xt + (b ^ c ^ d), s);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint I(uint a, uint b, uint c, uint d, uint xt, int s) => b + BitOperations.RotateLeft(a + xt + (c ^ (b | ~d)), s);
    }
}
