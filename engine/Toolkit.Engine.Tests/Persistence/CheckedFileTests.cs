using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Tests.Persistence;

public sealed class CheckedFileTests
{
    private static readonly byte[] Magic = "TESTMAGI"u8.ToArray();

    private static byte[] WriteSample(byte[] payload, uint version = 1)
    {
        var files = new MemoryFileSystem();
        CheckedFile.Write(files, "f.bin", Magic, version, payload);
        return files.ReadAllBytes("f.bin");
    }

    private static CheckedFileReadResult ReadBack(byte[] file, uint maxVersion = 1)
    {
        var files = new MemoryFileSystem();
        files.WriteAllBytes("f.bin", file);
        return CheckedFile.TryRead(files, "f.bin", Magic, maxVersion);
    }

    [Fact]
    public void Round_trip_of_any_payload()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), payload =>
        {
            var result = ReadBack(WriteSample(payload));
            return result.IsOk && result.Version == 1 && result.Payload.Span.SequenceEqual(payload);
        }));
    }

    [Fact]
    public void Writing_in_parts_gives_the_same_bytes_as_writing_whole()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<PositiveInt>(), (payload, seed) =>
        {
            var files = new MemoryFileSystem();
            var random = new Random(seed.Get);
            using (var writer = new CheckedFileWriter(files, "f.bin", Magic, 3, payload.Length))
            {
                for (var at = 0; at < payload.Length;)
                {
                    var part = Math.Min(payload.Length - at, random.Next(0, 80));
                    writer.Write(payload.AsSpan(at, part));
                    at += part;
                }

                writer.Commit();
            }

            return files.ReadAllBytes("f.bin").AsSpan().SequenceEqual(WriteSample(payload, 3));
        }));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void A_payload_unlike_its_header_is_a_bug_and_leaves_the_old_file(int written)
    {
        var files = new MemoryFileSystem();
        files.WriteAllBytes("f.bin", "old"u8);
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            using var writer = new CheckedFileWriter(files, "f.bin", Magic, 1, 10);
            writer.Write(new byte[written]);
            writer.Commit();
        });

        Assert.Contains("a bug", error.Message, StringComparison.Ordinal);
        Assert.Equal("old"u8.ToArray(), files.ReadAllBytes("f.bin"));
    }

    [Fact]
    public void Writing_from_a_payload_writer_gives_the_same_bytes_as_from_a_span()
    {
        using var writer = new PayloadWriter(1);
        for (var i = 0; i < 10_000; i++)
        {
            writer.WriteVarUInt64((ulong)i * 7919);
        }

        var files = new MemoryFileSystem();
        CheckedFile.Write(files, "a", Magic, 3, writer);
        CheckedFile.Write(files, "b", Magic, 3, writer.WrittenSpan);
        Assert.Equal(files.ReadAllBytes("b"), files.ReadAllBytes("a"));
        Assert.Equal(writer.Length + CheckedFile.Overhead, files.ReadAllBytes("a").Length);
        var result = CheckedFile.TryRead(files, "a", Magic, 3);
        Assert.True(result.IsOk);
        Assert.Equal(3u, result.Version);
    }

    [Fact]
    public void Layout_is_magic_version_length_payload_checksum()
    {
        var file = WriteSample([1, 2, 3], version: 2);
        Assert.Equal(Magic, file[..8]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)));
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(12)));
        Assert.Equal(new byte[] { 1, 2, 3 }, file[20..23]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(file.AsSpan(0, 23)), file[23..]);
    }

    [Fact]
    public void Missing_file_is_missing()
    {
        var result = CheckedFile.TryRead(new MemoryFileSystem(), "nope", Magic, 1);
        Assert.Equal(CheckedFileStatus.Missing, result.Status);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Truncation_at_every_offset_is_damage_naming_the_byte()
    {
        var file = WriteSample("some payload bytes"u8.ToArray());
        for (var length = 0; length < file.Length; length++)
        {
            var result = ReadBack(file[..length]);
            Assert.Equal(CheckedFileStatus.Damaged, result.Status);
            Assert.Contains($"truncated at byte {length}", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_flipped_bit_anywhere_is_damage()
    {
        var file = WriteSample("payload to damage"u8.ToArray());
        for (var offset = 0; offset < file.Length; offset++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                var damaged = (byte[])file.Clone();
                damaged[offset] ^= mask;
                var result = ReadBack(damaged);
                Assert.Equal(CheckedFileStatus.Damaged, result.Status);
                var expected = offset switch
                {
                    < 8 => "bad magic",
                    < 12 => "unsupported version",
                    < 20 => mask == 0x01 && offset == 12 ? "unexpected bytes" : "truncated at byte",
                    _ => "checksum mismatch",
                };
                Assert.True(result.Reason!.Contains(expected, StringComparison.Ordinal), $"offset {offset} mask {mask}: {result.Reason}");
            }
        }
    }

    [Fact]
    public void Wrong_magic_names_both()
    {
        var file = WriteSample([9]);
        file[0] = (byte)'X';
        file[7] = 0;
        var reason = ReadBack(file).Reason!;
        Assert.Contains("bad magic", reason, StringComparison.Ordinal);
        Assert.Contains("\"TESTMAGI\"", reason, StringComparison.Ordinal);
        Assert.Contains("\"XESTMAG\\x00\"", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Future_version_is_unsupported_naming_it()
    {
        var file = WriteSample([9], version: 7);
        var result = ReadBack(file, maxVersion: 6);
        Assert.Equal(CheckedFileStatus.Damaged, result.Status);
        Assert.Contains("unsupported version 7", result.Reason, StringComparison.Ordinal);
        Assert.True(ReadBack(file, maxVersion: 7).IsOk);
    }

    [Fact]
    public void A_length_claiming_two_to_the_40_bytes_is_not_trusted()
    {
        var file = WriteSample([1, 2, 3, 4]);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(12), 1ul << 40);
        var result = ReadBack(file);
        Assert.Equal(CheckedFileStatus.Damaged, result.Status);
        Assert.Contains($"truncated at byte {file.Length}", result.Reason, StringComparison.Ordinal);
        Assert.Contains((1ul << 40).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Reason, StringComparison.Ordinal);

        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(12), ulong.MaxValue);
        Assert.Contains("truncated", ReadBack(file).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_bytes_after_the_checksum_are_damage()
    {
        var file = WriteSample([1, 2]);
        var longer = file.Concat(new byte[] { 0 }).ToArray();
        Assert.Contains("1 unexpected bytes", ReadBack(longer).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_bytes_give_a_result_never_an_exception()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var result = CheckedFile.Check(bytes, Magic, 1);
            return result.Status == CheckedFileStatus.Damaged && result.Reason is not null;
        }));
    }

    [Fact]
    public void A_magic_that_is_not_eight_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CheckedFile.Write(new MemoryFileSystem(), "f", "SHORT"u8, 1, ReadOnlySpan<byte>.Empty));
    }
}
