using FsCheck;
using FsCheck.Fluent;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Tests.Persistence;

public sealed class PayloadReaderTests
{
    [Fact]
    public void Reads_back_what_the_writer_wrote()
    {
        using var writer = new PayloadWriter(1);
        var signature = new ContentSignature(0x0123456789abcdef, 0xfedcba9876543210);
        writer.WriteByte(7);
        writer.WriteUInt32(0xdeadbeef);
        writer.WriteInt64(-5);
        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteVarUInt64(300);
        writer.WriteVarUInt64(ulong.MaxValue);
        writer.WriteVarInt64(long.MinValue);
        writer.WriteVarInt64(-1);
        writer.WriteString("lib_\u00e9/x.c");
        writer.WriteContentSignature(signature);
        for (var i = 0; i < 5000; i++)
        {
            writer.WriteVarUInt64((ulong)i);
        }

        var reader = new PayloadReader(writer.WrittenSpan);
        Assert.Equal(7, reader.ReadByte());
        Assert.Equal(0xdeadbeef, reader.ReadUInt32());
        Assert.Equal(-5, reader.ReadInt64());
        Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
        Assert.Equal(300ul, reader.ReadVarUInt64());
        Assert.Equal(ulong.MaxValue, reader.ReadVarUInt64());
        Assert.Equal(long.MinValue, reader.ReadVarInt64());
        Assert.Equal(-1, reader.ReadVarInt64());
        Assert.Equal("lib_\u00e9/x.c", reader.ReadString(100));
        Assert.Equal(signature, reader.ReadContentSignature());
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal((ulong)i, reader.ReadVarUInt64());
        }

        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Varints_round_trip_for_any_value()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<long>(), ArbMap.Default.ArbFor<long>(), (signed, unsigned) =>
        {
            using var writer = new PayloadWriter();
            writer.WriteVarInt64(signed);
            writer.WriteVarUInt64((ulong)unsigned);
            var reader = new PayloadReader(writer.WrittenSpan);
            return reader.ReadVarInt64() == signed && reader.ReadVarUInt64() == (ulong)unsigned && reader.IsAtEnd;
        }));
    }

    [Theory]
    [InlineData(0, "a u32")]
    [InlineData(3, "a u32")]
    public void Reading_past_the_end_names_the_offset(int available, string what)
    {
        var data = new byte[available];
        var error = Assert.Throws<FormatException>(() => new PayloadReader(data).ReadUInt32());
        Assert.Contains("payload offset 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_read_past_the_end_throws_format_exception_with_the_offset()
    {
        byte[] two = [1, 2];
        Assert.Contains("offset 1", Assert.Throws<FormatException>(() => { var r = new PayloadReader(two); r.ReadByte(); r.ReadInt64(); }).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => { var r = new PayloadReader(two); r.ReadUInt64(); });
        Assert.Throws<FormatException>(() => { var r = new PayloadReader(two); r.ReadContentSignature(); });
        Assert.Throws<FormatException>(() => { var r = new PayloadReader(two); r.ReadBytes(3); });
        Assert.Throws<FormatException>(() => new PayloadReader([]).ReadByte());
    }

    [Fact]
    public void Bad_varints_are_refused()
    {
        byte[] unterminated = [0x80, 0x80];
        Assert.Contains("runs past the end", Assert.Throws<FormatException>(() => new PayloadReader(unterminated).ReadVarUInt64()).Message, StringComparison.Ordinal);
        var overflow = Enumerable.Repeat((byte)0xFF, 9).Append((byte)0x02).ToArray();
        Assert.Contains("overflows", Assert.Throws<FormatException>(() => new PayloadReader(overflow).ReadVarUInt64()).Message, StringComparison.Ordinal);
        byte[] big = [0xAC, 0x02];
        Assert.Contains("limit 299", Assert.Throws<FormatException>(() => new PayloadReader(big).ReadVarInt32(299, "a count")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_longer_than_the_limit_or_not_utf8_are_refused()
    {
        using var writer = new PayloadWriter();
        writer.WriteString("abcdef");
        var bytes = writer.WrittenSpan.ToArray();
        Assert.Contains("limit 5", Assert.Throws<FormatException>(() => new PayloadReader(bytes).ReadString(5)).Message, StringComparison.Ordinal);
        Assert.Equal("abcdef", new PayloadReader(bytes).ReadString(6));

        byte[] claimsMore = [10, (byte)'a'];
        Assert.Contains("needs 10 bytes", Assert.Throws<FormatException>(() => new PayloadReader(claimsMore).ReadString(100)).Message, StringComparison.Ordinal);
        byte[] invalid = [2, 0xC3, 0x28];
        Assert.Contains("UTF-8", Assert.Throws<FormatException>(() => new PayloadReader(invalid).ReadString(100)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_writer_refuses_writes()
    {
        var writer = new PayloadWriter();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.WriteByte(1));
        writer.Dispose();
    }
}
