using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class ScanCacheTests
{
    private static readonly IncludeDirective[] One = [new("a.h", false)];

    [Fact]
    public void Entry_is_returned_only_for_the_stamp_it_was_stored_with()
    {
        var cache = new StrongScanCache();
        cache.Set("x.c", new FileStamp(10, 5), One);
        Assert.True(cache.TryGet("x.c", new FileStamp(10, 5), out var hit));
        Assert.Same(One, hit);
        Assert.False(cache.TryGet("x.c", new FileStamp(10, 6), out _));
        Assert.False(cache.TryGet("x.c", new FileStamp(11, 5), out _));
        Assert.False(cache.TryGet("y.c", new FileStamp(10, 5), out _));
    }

    [Fact]
    public void Count_export_and_clear()
    {
        var cache = new StrongScanCache();
        cache.Set("x.c", new FileStamp(1, 1), One);
        cache.Set("y.c", new FileStamp(2, 2), []);
        cache.Set("x.c", new FileStamp(3, 3), []);
        Assert.Equal(2, cache.Count);
        var exported = cache.Export().OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal("x.c", exported[0].Path);
        Assert.Equal(new FileStamp(3, 3), exported[0].Stamp);
        Assert.Equal(new FileStamp(2, 2), exported[1].Stamp);
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.Empty(cache.Export());
    }

    [Fact]
    public void Scanner_reparses_only_after_touch_or_rewrite()
    {
        var memory = new MemoryFileSystem();
        memory.WriteText("a.c", "#include \"a.h\"\n");
        var fs = new CountingFileSystem(memory);
        var cache = new StrongScanCache();

        Assert.Equal([new IncludeDirective("a.h", false)], new CIncludeScanner(fs, cache).DirectIncludes("a.c"));
        Assert.Equal([new IncludeDirective("a.h", false)], new CIncludeScanner(fs, cache).DirectIncludes("a.c"));
        Assert.Equal(1, fs.Reads["a.c"]);

        memory.Touch("a.c");
        new CIncludeScanner(fs, cache).DirectIncludes("a.c");
        Assert.Equal(2, fs.Reads["a.c"]);

        memory.WriteText("a.c", "#include <b.h>\n");
        Assert.Equal([new IncludeDirective("b.h", true)], new CIncludeScanner(fs, cache).DirectIncludes("a.c"));
        Assert.Equal(3, fs.Reads["a.c"]);
        Assert.Equal(1, cache.Count);
    }
}
