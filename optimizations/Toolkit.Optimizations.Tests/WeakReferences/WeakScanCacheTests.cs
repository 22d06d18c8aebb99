using System.Runtime.CompilerServices;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Optimizations.Tests.WeakReferences;

public sealed class WeakScanCacheTests
{
    private static readonly FileStamp Stamp = new(10, 20);

    [Fact]
    public void A_held_entry_is_found_and_a_different_stamp_misses()
    {
        var cache = new WeakScanCache();
        var directives = Parse("#include \"a.h\"\n");
        cache.Set("x.c", Stamp, directives);

        Assert.True(cache.TryGet("x.c", Stamp, out var found));
        Assert.Same(directives, found);
        Assert.False(cache.TryGet("x.c", new FileStamp(10, 21), out _));
        Assert.False(cache.TryGet("y.c", Stamp, out _));
        Assert.Equal(1, cache.Count);
        Assert.Single(cache.Export());
        GC.KeepAlive(directives);
    }

    [Fact]
    public void Entries_nothing_else_holds_go_after_a_collection()
    {
        var cache = new WeakScanCache();
        StoreUnreferenced(cache, "gone.c");
        var kept = Parse("#include <kept.h>\n");
        cache.Set("kept.c", Stamp, kept);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        Assert.False(cache.TryGet("gone.c", Stamp, out _));
        Assert.True(cache.TryGet("kept.c", Stamp, out var found));
        Assert.Same(kept, found);
        Assert.Equal(1, cache.Count);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_sweep_drops_dead_entries_and_a_scanner_stays_correct_after_a_collection()
    {
        var files = new MemoryFileSystem();
        files.WriteText("inc/a.h", "#include \"b.h\"\n");
        files.WriteText("inc/b.h", "#include <stdio.h>\nint b;\n");
        files.WriteText("main.c", "#include <a.h>\n");
        var cache = new WeakScanCache();
        var first = Scan(files, cache);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        Assert.Equal(3, cache.Sweep());
        Assert.Equal(0, cache.Count);

        Assert.Equal(first, Scan(files, cache));
        Assert.Equal(["inc/a.h", "inc/b.h"], first);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<string> Scan(MemoryFileSystem files, WeakScanCache cache) =>
        new CIncludeScanner(files, cache).ScanTransitive("main.c", ["inc"]).ToList();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreUnreferenced(WeakScanCache cache, string path) => cache.Set(path, Stamp, Parse("#include \"gone.h\"\n"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IncludeDirective[] Parse(string text) => IncludeParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
}
