using System.Text;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Tests.Signatures;

public sealed class Md5ContentHasherTests
{
    private readonly Md5ContentHasher _hasher = new();

    [Fact]
    public void Name_is_md5_whole_file() => Assert.Equal("md5-whole-file", _hasher.Name);

    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6")]
    public void HashBytes_matches_known_md5_vectors(string text, string expected) =>
        Assert.Equal(expected, _hasher.HashBytes(Encoding.ASCII.GetBytes(text)).ToHex());

    [Fact]
    public void HashFile_hashes_the_file_contents()
    {
        var files = new MemoryFileSystem();
        files.WriteText("src/a.c", "abc");
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", _hasher.HashFile(files, "src/a.c").ToHex());
    }

    [Fact]
    public void HashFile_of_a_missing_file_throws_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => _hasher.HashFile(new MemoryFileSystem(), "nope.c"));
    }
}
