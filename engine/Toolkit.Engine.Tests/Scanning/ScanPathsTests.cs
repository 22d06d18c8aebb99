using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>One name per file: root-relative inside the root, absolute outside it.</summary>
public sealed class ScanPathsTests
{
    private static readonly ScanPaths Paths = new("/w/redis/src");

    [Theory]
    [InlineData("", "a.h", "a.h")]
    [InlineData("sub", "../a.h", "a.h")]
    [InlineData("", "../deps/lua/src/lua.h", "/w/redis/deps/lua/src/lua.h")]
    [InlineData("", "../src/x.h", "x.h")]
    [InlineData("", "/w/redis/src/x.h", "x.h")]
    [InlineData("", "/usr/include/../include/./stdio.h", "/usr/include/stdio.h")]
    [InlineData("/w/redis/deps/lua/src", "luaconf.h", "/w/redis/deps/lua/src/luaconf.h")]
    [InlineData("/w/redis/deps", "../src/server.h", "server.h")]
    [InlineData("", "../../../../../../x.h", "/x.h")]
    [InlineData("", "a//b/./c.h", "a/b/c.h")]
    public void Names_are_canonical(string directory, string name, string expected) => Assert.Equal(expected, Paths.Combine(directory, name));

    [Fact]
    public void Impossible_names_have_none()
    {
        Assert.Null(Paths.Combine("", ""));
        Assert.Null(Paths.Combine("", "a\0b.h"));
    }

    [Fact]
    public void Directory_full_path_and_relative_spelling()
    {
        Assert.Equal("", ScanPaths.DirectoryOf("a.h"));
        Assert.Equal("/", ScanPaths.DirectoryOf("/a.h"));
        Assert.Equal("/w/redis/src/x.h", Paths.FullPath("x.h"));
        Assert.Equal("/usr/x.h", Paths.FullPath("/usr/x.h"));
        Assert.Equal("b.h", ScanPaths.RelativeTo("sub/b.h", "sub"));
        Assert.Equal("other/b.h", ScanPaths.RelativeTo("other/b.h", "sub"));
        Assert.True(ScanPaths.IsOutside("/usr/x.h"));
        Assert.Equal("x.h", new ScanPaths("/").Combine("", "/x.h"));
    }
}
