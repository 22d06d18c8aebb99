using System.Buffers.Binary;
using System.Globalization;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// A 16-byte content signature (an MD5 digest, as SCons uses), held as two longs so that it
/// costs 16 bytes inline instead of a 32-character hex string (88 bytes on the heap).
/// <see cref="None"/> (all zero) means "not computed".
/// </summary>
public readonly record struct ContentSignature(ulong High, ulong Low)
{
    /// <summary>The all-zero value: not computed yet.</summary>
    public static ContentSignature None => default;

    /// <summary>True when this is <see cref="None"/>.</summary>
    public bool IsNone => High == 0 && Low == 0;

    /// <summary>Reads the first 16 bytes of a digest.</summary>
    public static ContentSignature FromBytes(ReadOnlySpan<byte> digest)
    {
        if (digest.Length < 16)
        {
            throw new ArgumentException($"a content signature needs 16 bytes, got {digest.Length}", nameof(digest));
        }

        return new ContentSignature(BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]));
    }

    /// <summary>Writes the 16 bytes, big-endian, as the digest was.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    /// <summary>Lower-case hex, 32 characters, as md5sum prints it.</summary>
    public string ToHex() => High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses 32 hex characters.</summary>
    public static ContentSignature ParseHex(ReadOnlySpan<char> hex)
    {
        if (hex.Length != 32)
        {
            throw new FormatException($"a content signature is 32 hex characters, got {hex.Length}");
        }

        return new ContentSignature(
            ulong.Parse(hex[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            ulong.Parse(hex[16..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => ToHex();
}
