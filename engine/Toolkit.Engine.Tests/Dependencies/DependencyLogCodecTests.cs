using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Dependencies;

/// <summary>The log's file: what is saved is what is loaded, a changed stamp misses, the same entries give the same bytes, and hostile payloads are damage, never an exception.</summary>
public sealed class DependencyLogCodecTests
{
    private static readonly ScanCacheEntry[] Entries =
    [
        new("src/zeta.c", new FileStamp(120, 7), [new("zeta.h", false), new("stdio.h", true)]),
        new("src/é/ünïcode.h", new FileStamp(3, 638_000_000_000_000_000), [new("zeta.h", false), new("next.h", true, IsNext: true)]),
        new("/usr/include/sys.h", new FileStamp(0, 1), []),
        new("src/macro.c", new FileStamp(9, 2), [new("HEADER(x)", false, IsComputed: true)]),
    ];

    [Fact]
    public void What_is_saved_is_what_is_loaded()
    {
        var files = new MemoryFileSystem();
        DependencyLog.Save(files, DependencyLog.FileName, Entries);

        var loaded = DependencyLog.Load(files, DependencyLog.FileName);

        Assert.Equal(CheckedFileStatus.Ok, loaded.Status);
        Assert.Equal(4, loaded.Log.Count);
        Assert.Equal(5, loaded.Log.DirectiveCount);
        Assert.Equal(4, loaded.Log.NameCount); // zeta.h is stored once
        foreach (var entry in Entries)
        {
            Assert.True(loaded.Log.TryGet(entry.Path, entry.Stamp, out var directives), entry.Path);
            Assert.Equal(entry.Directives, directives);
            Assert.False(loaded.Log.TryGet(entry.Path, entry.Stamp with { ModifiedTicks = entry.Stamp.ModifiedTicks + 1 }, out _));
            Assert.False(loaded.Log.TryGet(entry.Path, entry.Stamp with { Size = entry.Stamp.Size + 1 }, out _));
        }

        Assert.False(loaded.Log.TryGet("src/other.c", new FileStamp(120, 7), out _));
    }

    [Fact]
    public void The_same_entries_in_any_order_give_the_same_bytes()
    {
        var a = new MemoryFileSystem();
        var b = new MemoryFileSystem();
        DependencyLog.Save(a, "log", Entries);
        DependencyLog.Save(b, "log", Entries.Reverse());
        Assert.Equal(a.ReadAllBytes("log"), b.ReadAllBytes("log"));
    }

    /// <summary>
    /// The next log merges the previous log's files that a scan reached unchanged with the ones it parsed, read where
    /// they lie: it must be, byte for byte, the log saved from scratch from the same final entries (a file parsed again
    /// keeps its parse, a file parsed twice its later parse, an unreached file and the names only it used are dropped).
    /// </summary>
    [Fact]
    public void The_next_log_is_the_kept_files_merged_with_the_parsed_ones()
    {
        var files = new MemoryFileSystem();
        DependencyLog.Save(files, DependencyLog.FileName, Entries);
        var previous = DependencyLog.Load(files, DependencyLog.FileName).Log;
        var cache = new DependencyLogScanCache(new StrongScanCache(), previous);
        var zeta = new FileStamp(121, 8);
        IncludeDirective[] zetaNow = [new("zeta.h", false), new("fresh.h", true)];
        IncludeDirective[] added = [new("src/é/ünïcode.h", false), new("zeta.h", false)];

        Assert.True(cache.TryGet("src/zeta.c", Entries[0].Stamp, out _)); // kept, then parsed again at a new stamp: the parse wins
        Assert.True(cache.TryGet("src/é/ünïcode.h", Entries[1].Stamp, out _)); // kept: its zeta.h is the parsed files' zeta.h
        Assert.True(cache.TryGet("/usr/include/sys.h", Entries[2].Stamp, out _));
        Assert.True(cache.TryGet("/usr/include/sys.h", Entries[2].Stamp, out _)); // reached twice, kept once
        cache.SetSource("src/added.c", new FileStamp(1, 1), [new("stale.h", false)]);
        cache.SetSource("src/added.c", new FileStamp(2, 2), added); // parsed twice: the later parse
        cache.Set("src/zeta.c", zeta, zetaNow);
        // src/macro.c is not reached: it and HEADER(x), which only it used, are dropped; stdio.h (only zeta.c's old parse) too.

        using var next = cache.Finish();
        Assert.NotNull(next);
        DependencyLog.Save(files, "merged", next);
        DependencyLog.Save(files, "fresh",
        [
            new ScanCacheEntry("src/zeta.c", zeta, zetaNow),
            Entries[1],
            Entries[2],
            new ScanCacheEntry("src/added.c", new FileStamp(2, 2), added),
        ]);
        Assert.Equal(files.ReadAllBytes("fresh"), files.ReadAllBytes("merged"));
        var merged = DependencyLog.Load(files, "merged").Log;
        Assert.Equal(4, merged.Count);
        Assert.Equal(4, merged.NameCount); // zeta.h, fresh.h, next.h, src/é/ünïcode.h
        Assert.True(merged.TryGet("src/added.c", new FileStamp(2, 2), out var directives));
        Assert.Equal(added, directives);
    }

    [Fact]
    public void A_scan_that_reached_every_logged_file_unchanged_writes_no_log()
    {
        var files = new MemoryFileSystem();
        DependencyLog.Save(files, DependencyLog.FileName, Entries);
        var previous = DependencyLog.Load(files, DependencyLog.FileName).Log;
        var all = new DependencyLogScanCache(new StrongScanCache(), previous);
        var oneShort = new DependencyLogScanCache(new StrongScanCache(), previous);
        foreach (var entry in Entries)
        {
            Assert.True(all.TryGet(entry.Path, entry.Stamp, out _));
            if (entry != Entries[3])
            {
                Assert.True(oneShort.TryGet(entry.Path, entry.Stamp, out _));
            }
        }

        Assert.Null(all.Finish());
        using var dropped = oneShort.Finish(); // src/macro.c was not reached: the log shrinks
        Assert.NotNull(dropped);
        DependencyLog.Save(files, "next", dropped);
        Assert.Equal(3, DependencyLog.Load(files, "next").Log.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 1, (byte)'a', 2, 0, 0, 9 }, "1 bytes follow the last of 1 files")]
    [InlineData(new byte[] { 0, 1, 0, 1, (byte)'a', 2, 2, 1, 0 }, "directives but the log has no names")]
    [InlineData(new byte[] { 1, 0, 1, (byte)'n', 1, 0, 1, (byte)'a', 2, 2, 1, 8 }, "more than the limit")]
    [InlineData(new byte[] { 0, 2, 0, 1, (byte)'b', 0, 1, (byte)'a', 0, 0, 0, 0, 0, 0 }, "does not sort after")]
    [InlineData(new byte[] { 0, 1, 0, 1, 0xFF, 0, 0, 0 }, "not valid UTF-8")]
    [InlineData(new byte[] { 0, 1, 0, 1, (byte)'a', 1, 0, 0 }, "negative")]
    [InlineData(new byte[] { 0, 200, 1 }, "the path count")]
    public void A_hostile_payload_is_damage_naming_what_broke(byte[] payload, string reason)
    {
        var files = new MemoryFileSystem();
        CheckedFile.Write(files, "log", DependencyLog.Magic, DependencyLog.FormatVersion, payload);

        var loaded = DependencyLog.Load(files, "log");

        Assert.Equal(CheckedFileStatus.Damaged, loaded.Status);
        Assert.Equal(0, loaded.Log.Count);
        Assert.Contains(reason, loaded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_database_is_not_a_dependency_log()
    {
        var files = new MemoryFileSystem();
        new Toolkit.Engine.Database.SignatureDatabase().Save(files, "log");
        Assert.Contains("bad magic", DependencyLog.Load(files, "log").Warning, StringComparison.Ordinal);
    }
}
