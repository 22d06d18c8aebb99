using System.Security.Cryptography;
using System.Text;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Tests.Signatures;

/// <summary>
/// The managed MD5 gives the platform's digests (so signatures stored by earlier builds stay valid): RFC 1321's test
/// suite, and random inputs of every length around the padding's edges (55/56 bytes: one final block or two; 64: a
/// whole block) hashed in one call and appended in pieces.
/// </summary>
public sealed class ManagedMd5Tests
{
    // RFC 1321, appendix A.5.
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void HashData_gives_the_rfc_1321_test_suite_digests(string text, string expected)
    {
        Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
        ManagedMd5.HashData(Encoding.ASCII.GetBytes(text), digest);
        Assert.Equal(expected, Convert.ToHexStringLower(digest));
    }

    public static TheoryData<int> Lengths()
    {
        var lengths = new TheoryData<int>();
        foreach (var length in new[] { 0, 1, 2, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4095, 65536, 65537, 200_003 })
        {
            lengths.Add(length);
        }

        return lengths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void HashData_equals_the_platform_md5_on_random_bytes(int length)
    {
        var data = RandomBytes(length, seed: length);
        Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
        ManagedMd5.HashData(data, digest);
        Assert.Equal(Convert.ToHexString(MD5.HashData(data)), Convert.ToHexString(digest));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Appending_in_random_pieces_equals_the_platform_md5(int length)
    {
        var data = RandomBytes(length, seed: ~length);
        var random = new Random(length);
        var md5 = new ManagedMd5();
        Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
        for (var round = 0; round < 2; round++) // the second round checks that GetHashAndReset started afresh
        {
            for (var offset = 0; offset < data.Length;)
            {
                var piece = Math.Min(data.Length - offset, random.Next(0, 130));
                md5.Append(data.AsSpan(offset, piece));
                offset += piece;
            }

            md5.GetHashAndReset(digest);
            Assert.Equal(Convert.ToHexString(MD5.HashData(data)), Convert.ToHexString(digest));
        }
    }

    [Fact]
    public void Reset_forgets_what_was_appended()
    {
        var md5 = new ManagedMd5();
        md5.Append(RandomBytes(100, seed: 7));
        md5.Reset();
        md5.Append("abc"u8);
        Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
        md5.GetHashAndReset(digest);
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void A_destination_shorter_than_a_digest_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ManagedMd5.HashData("abc"u8, new byte[15]));
        Assert.Contains("16", error.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
