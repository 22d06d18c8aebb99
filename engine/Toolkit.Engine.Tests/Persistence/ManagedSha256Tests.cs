using System.Security.Cryptography;
using System.Text;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Tests.Persistence;

/// <summary>
/// The managed SHA-256 gives the platform's digests (so files framed by earlier builds stay valid): the FIPS 180-4
/// examples, and random inputs of every length around the padding's edges (55/56 bytes: one final block or two; 64:
/// a whole block).
/// </summary>
public sealed class ManagedSha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void HashData_gives_the_fips_180_examples(string text, string expected)
    {
        Span<byte> digest = stackalloc byte[ManagedSha256.HashSizeInBytes];
        ManagedSha256.HashData(Encoding.ASCII.GetBytes(text), digest);
        Assert.Equal(expected, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void HashData_of_a_million_a_gives_the_fips_180_digest()
    {
        Span<byte> digest = stackalloc byte[ManagedSha256.HashSizeInBytes];
        ManagedSha256.HashData(Enumerable.Repeat((byte)'a', 1_000_000).ToArray(), digest);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(digest));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(54)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(128)]
    [InlineData(4097)]
    [InlineData(200_003)]
    public void HashData_equals_the_platform_sha256_on_random_bytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        Span<byte> digest = stackalloc byte[ManagedSha256.HashSizeInBytes];
        ManagedSha256.HashData(data, digest);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(digest));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(63, 7)]
    [InlineData(64, 64)]
    [InlineData(65, 13)]
    [InlineData(4097, 1000)]
    [InlineData(200_003, 65_536)]
    [InlineData(200_003, 63)]
    public void Incremental_parts_give_the_digest_of_the_whole(int length, int maxPart)
    {
        var data = new byte[length];
        var random = new Random(length + maxPart);
        random.NextBytes(data);
        var incremental = new ManagedSha256.Incremental();
        for (var at = 0; at < length;)
        {
            var part = Math.Min(length - at, random.Next(0, maxPart + 1)); // empty parts too
            incremental.Append(data.AsSpan(at, part));
            at += part;
        }

        var digest = new byte[ManagedSha256.HashSizeInBytes];
        incremental.Finish(digest);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(digest));
    }

    [Fact]
    public void A_destination_shorter_than_a_digest_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ManagedSha256.HashData("abc"u8, new byte[31]));
        Assert.Contains("32", error.Message, StringComparison.Ordinal);
    }
}
