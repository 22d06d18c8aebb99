using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class IncludeResolverTests
{
    private static readonly string[] TwoDirs = ["inc1", "inc2"];

    private static MemoryFileSystem SameNameTree()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("src/main.c", "");
        fs.WriteText("src/config.h", "local");
        fs.WriteText("inc1/config.h", "first");
        fs.WriteText("inc2/config.h", "second");
        fs.WriteText("inc2/only2.h", "");
        return fs;
    }

    [Fact]
    public void Quoted_include_prefers_the_includers_directory()
    {
        var resolver = new IncludeResolver(SameNameTree());
        Assert.Equal("src/config.h", resolver.Resolve(new IncludeDirective("config.h", false), "src/main.c", TwoDirs));
    }

    [Fact]
    public void Angle_include_skips_the_includers_directory_and_takes_the_first_cpppath_hit()
    {
        var resolver = new IncludeResolver(SameNameTree());
        Assert.Equal("inc1/config.h", resolver.Resolve(new IncludeDirective("config.h", true), "src/main.c", TwoDirs));
        Assert.Equal("inc2/config.h", resolver.Resolve(new IncludeDirective("config.h", true), "src/main.c", ["inc2", "inc1"]));
    }

    [Fact]
    public void Quoted_include_falls_back_to_cpppath_in_order()
    {
        var fs = SameNameTree();
        fs.Delete("src/config.h");
        var resolver = new IncludeResolver(fs);
        Assert.Equal("inc1/config.h", resolver.Resolve(new IncludeDirective("config.h", false), "src/main.c", TwoDirs));
        Assert.Equal("inc2/only2.h", resolver.Resolve(new IncludeDirective("only2.h", false), "src/main.c", TwoDirs));
    }

    [Fact]
    public void System_header_and_unknown_names_are_not_found()
    {
        var resolver = new IncludeResolver(SameNameTree());
        Assert.Null(resolver.Resolve(new IncludeDirective("stdio.h", true), "src/main.c", TwoDirs));
        Assert.Null(resolver.Resolve(new IncludeDirective("nowhere.h", false), "src/main.c", TwoDirs));
    }

    [Fact]
    public void Dot_dot_and_dot_segments_are_normalized()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("lib/util/u.h", "");
        fs.WriteText("lib/common.h", "");
        fs.WriteText("top.h", "");
        var resolver = new IncludeResolver(fs);
        Assert.Equal("lib/common.h", resolver.Resolve(new IncludeDirective("../common.h", false), "lib/util/u.h", []));
        Assert.Equal("top.h", resolver.Resolve(new IncludeDirective(".././../top.h", false), "lib/util/u.h", []));
        Assert.Equal("lib/util/u.h", resolver.Resolve(new IncludeDirective("util//./u.h", true), "x.c", ["./lib/"]));
        Assert.Equal("top.h", resolver.Resolve(new IncludeDirective("top.h", true), "x.c", ["."]));
    }

    [Fact]
    public void Path_escaping_the_root_or_absolute_is_found_outside_and_named_absolutely()
    {
        // The in-memory root is /project: ../a.h is /a.h, which exists only outside.
        var fs = new MemoryFileSystem();
        fs.WriteText("a.h", "");
        fs.WriteText("/deps/lua/lua.h", "");
        var resolver = new IncludeResolver(fs);
        Assert.Null(resolver.Resolve(new IncludeDirective("../a.h", false), "a.c", []));
        Assert.Equal("/deps/lua/lua.h", resolver.Resolve(new IncludeDirective("lua.h", true), "a.c", ["../deps/lua"]));
        Assert.Equal("/deps/lua/lua.h", resolver.Resolve(new IncludeDirective("lua.h", true), "a.c", ["/deps/lua/"]));
        Assert.Equal("/deps/lua/lua.h", resolver.Resolve(new IncludeDirective("/deps/./lua/lua.h", false), "a.c", []));
        Assert.Equal("a.h", resolver.Resolve(new IncludeDirective("/project/a.h", false), "x/y.c", []));
        Assert.Equal("a.h", resolver.Resolve(new IncludeDirective("../project/a.h", false), "a.c", []));
    }

    [Fact]
    public void Each_candidate_is_stat_ed_once()
    {
        var fs = new CountingFileSystem(SameNameTree());
        var resolver = new IncludeResolver(fs);
        for (var i = 0; i < 5; i++)
        {
            resolver.Resolve(new IncludeDirective("only2.h", false), "src/main.c", TwoDirs);
            resolver.Resolve(new IncludeDirective("stdio.h", true), "src/main.c", TwoDirs);
        }

        Assert.Equal(["inc1/only2.h", "inc1/stdio.h", "inc2/only2.h", "inc2/stdio.h", "src/only2.h"], fs.Stats.Keys.Order(StringComparer.Ordinal));
        Assert.All(fs.Stats.Values, count => Assert.Equal(1, count));
        Assert.Equal(5, resolver.StatCount);
    }
}
