using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, one call per span: the checksum of <see cref="CheckedFile"/>'s frames (the
/// signature database, the dependency log) without <c>System.Security.Cryptography.SHA256</c>, which on Linux is
/// OpenSSL's and maps libcrypto and libssl (about 3.6 MiB resident) into a null build that otherwise needs no
/// OpenSSL at all. The same digest, so files written before stay valid. It has no SHA extensions, so it is several
/// times slower than OpenSSL's on a CPU that has them (docs/measuring.md, "Where the dry run's memory goes");
/// a frame is hashed once per read or write.
/// </summary>
public static class ManagedSha256
{
    /// <summary>Bytes of a digest.</summary>
    public const int HashSizeInBytes = 32;

    private const int BlockSize = HashPadding.BlockSize;

    private static ReadOnlySpan<uint> K =>
    [
        0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
        0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
        0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
        0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
        0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
        0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
        0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
        0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
    ];

    /// <summary>Writes the SHA-256 digest of <paramref name="data"/> to <paramref name="destination"/> (32 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        CheckDestination(destination);

        Span<uint> state = stackalloc uint[8];
        InitialState.CopyTo(state);
        var whole = data.Length - (data.Length % BlockSize);
        Blocks(state, data[..whole]);
        Finish(state, data[whole..], (ulong)data.Length, destination);
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException($"the destination holds {destination.Length} bytes; a SHA-256 digest needs {HashSizeInBytes}", nameof(destination));
        }
    }

    /// <summary>FIPS 180-4, section 5.3.3: the state before the first block.</summary>
    private static ReadOnlySpan<uint> InitialState => [0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19];

    // The last partial block padded (HashPadding, the length big-endian), then the state as the digest.
    private static void Finish(Span<uint> state, ReadOnlySpan<byte> tail, ulong length, Span<byte> destination)
    {
        Span<byte> last = stackalloc byte[2 * BlockSize];
        Blocks(state, last[..HashPadding.Pad(tail, length, bigEndianLength: true, last)]);
        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>
    /// The digest of data given in parts (a file written as it is encoded, never whole in memory): the same digest as
    /// <see cref="HashData"/> of the parts joined. Costs 32 bytes of state and one 64-byte block held back between parts.
    /// </summary>
    public sealed class Incremental
    {
        private readonly PendingBlock _pending = new();
        private Sha256Blocks _state = new(InitialState.ToArray());

        /// <summary>Adds the next part.</summary>
        public void Append(ReadOnlySpan<byte> data) => _pending.Append(ref _state, data);

        /// <summary>Writes the digest of everything appended to <paramref name="destination"/> (32 bytes); the object is spent.</summary>
        public void Finish(Span<byte> destination)
        {
            CheckDestination(destination);

            ManagedSha256.Finish(_state.State, _pending.Tail, _pending.Length, destination);
        }
    }

    /// <summary>The state of an incremental hash as <see cref="PendingBlock"/> drives it.</summary>
    private readonly struct Sha256Blocks(uint[] state) : IBlockHash
    {
        public uint[] State { get; } = state;

        public void Blocks(ReadOnlySpan<byte> blocks) => ManagedSha256.Blocks(State, blocks);
    }

    // FIPS 180-4, section 6.2.2, on each 64-byte block of data (whose length is a multiple of 64).
    private static void Blocks(Span<uint> state, ReadOnlySpan<byte> data)
    {
        Span<uint> w = stackalloc uint[64];
        var k = K;
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (; data.Length >= BlockSize; data = data[BlockSize..])
        {
            for (var t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt32BigEndian(data[(4 * t)..]);
            }

            for (var t = 16; t < 64; t++)
            {
                w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
            }

            uint a0 = a, b0 = b, c0 = c, d0 = d, e0 = e, f0 = f, g0 = g, h0 = h;
            for (var t = 0; t < 64; t++)
            {
                // h + K[t] + W[t] first: it does not wait for the previous step's e.
                var t1 = h + k[t] + w[t] + (g ^ (e & (f ^ g))) + BigSigma1(e);
                var t2 = BigSigma0(a) + ((a & b) | (c & (a | b)));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            a += a0;
            b += b0;
            c += c0;
            d += d0;
            e += e0;
            f += f0;
            g += g0;
            h += h0;
        }

        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = d;
        state[4] = e;
        state[5] = f;
        state[6] = g;
        state[7] = h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
}
