using System.Text;
using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>
/// issue 10, items 10, 11 and 13: what is below statements. Bytes that are not UTF-8 name the line
/// and the byte offset; control characters and over-long lines and names are refused at load, so a
/// build never meets them; a 100 MB line is refused after reading 16 MiB, not 4 GB.
/// </summary>
public sealed class LineRuleTests
{
    [Fact]
    public void Bytes_that_are_not_UTF_8_name_the_line_and_the_byte_offset()
    {
        var head = Encoding.UTF8.GetBytes("toolkit-manifest 2\nbuild caf\u00e9.o: Object ");
        byte[] bytes = [.. head, 0xFF, .. "x.c\nend\n"u8];

        var error = ManifestText.ByteError(bytes);

        Assert.Equal(2, error.Line);
        Assert.Contains($"byte 0xFF at byte offset {head.Length}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("t.manifest:2: invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_multi_byte_character_at_the_end_is_refused()
    {
        byte[] bytes = [.. "toolkit-manifest 2\nend\n# caf"u8, 0xC3];
        Assert.Contains("invalid UTF-8", ManifestText.ByteError(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_non_ASCII_names_are_read()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("toolkit-manifest 2\nbuild \u00fcber.o: Object \u00fcber.c\nend\n")];
        ManifestText.Read(bytes);
    }

    [Theory]
    [InlineData("build a\0b.o: Object a.c", "U+0000")]
    [InlineData("CFLAGS = -O2\u0007", "U+0007")]
    [InlineData("build a.o: Object a\u001b.c", "U+001B")]
    [InlineData("build a.o: Object a\rb.c", "U+000D")]
    public void Control_characters_are_refused_with_their_line(string statement, string named)
    {
        var error = ManifestText.Error("toolkit-manifest 2\n" + statement + "\nend\n");
        Assert.Equal(2, error.Line);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_a_file_system_allows_is_refused_at_load()
    {
        var error = ManifestText.Error($"toolkit-manifest 2\nbuild out/{new string('n', 5_000)}.o: Object a.c\nend\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("is 5,006 bytes long; a path may have at most 4,095", error.Message, StringComparison.Ordinal);

        var name = ManifestText.Error($"toolkit-manifest 2\nbuild out/{new string('\u00e9', 128)}.o: Object a.c\nend\n");
        Assert.Contains("a name of 258 bytes; a file name may have at most 255", name.Message, StringComparison.Ordinal);

        var deep = string.Join('/', Enumerable.Repeat("d123456789", 500));
        Assert.Contains("a path may have at most 4,095", ManifestText.Error($"toolkit-manifest 2\nbuild {deep}.o: Object a.c\nend\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_100_MB_line_is_refused_after_reading_at_most_a_little_over_16_MiB()
    {
        using var stream = new EndlessLineStream("toolkit-manifest 2\nbuild a.o: Object "u8.ToArray(), 100_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read(stream, "huge.manifest", new NullManifestHandler()));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, error.Line);
        Assert.Contains("longer than 16,777,216 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(stream.Position < 40_000_000, $"read {stream.Position:N0} bytes of the line");
        Assert.True(allocated < 100_000_000, $"allocated {allocated:N0} bytes for a line the reader refuses");
    }

    [Fact]
    public void A_long_line_within_the_limit_is_read()
    {
        var sources = string.Join(' ', Enumerable.Range(0, 50_000).Select(i => $"o/{i}.o"));
        var graph = ManifestText.Load($"toolkit-manifest 2\nbuild lib.a: Library {sources}\nend\n");
        Assert.Equal(50_000, graph.Store.EdgeCount(graph.Store.FindNode("lib.a"), Graph.EdgeKind.Sources));
    }
}
