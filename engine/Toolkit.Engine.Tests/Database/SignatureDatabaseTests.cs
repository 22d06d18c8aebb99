using System.Buffers.Binary;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Toolkit.Engine.Database;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Tests.Database;

public sealed class SignatureDatabaseTests
{
    private const string DbPath = SignatureDatabase.DefaultFileName;

    private static NodeInfo Info(int i) => new(
        new ContentSignature((ulong)i * 0x9E3779B97F4A7C15, (ulong)i + 1),
        new FileStamp(i % 5 == 0 ? -1 : i * 13, i % 7 == 0 ? 0 : 638_000_000_000_000_000L + i),
        i % 2 == 0 ? ContentSignature.None : new ContentSignature((ulong)i, ~(ulong)i));

    private static SignatureDatabase Synthetic(int count)
    {
        var database = new SignatureDatabase();
        for (var i = count - 1; i >= 0; i--)
        {
            database.Set(string.Create(CultureInfo.InvariantCulture, $"lib_name_{i % 1000}/source_name_{i}.c"), Info(i));
        }

        return database;
    }

    [Fact]
    public void Round_trip_of_100000_entries_is_exact_and_byte_identical_on_resave()
    {
        var files = new MemoryFileSystem();
        var original = Synthetic(100_000);
        original.Save(files, DbPath);
        var first = files.ReadAllBytes(DbPath);

        var loaded = SignatureDatabase.Load(files, DbPath);
        Assert.Equal(CheckedFileStatus.Ok, loaded.Status);
        Assert.Null(loaded.Warning);
        Assert.Equal(100_000, loaded.Database.Count);
        foreach (var entry in original.Entries)
        {
            Assert.True(loaded.Database.TryGet(entry.Key, out var info));
            Assert.Equal(entry.Value, info);
        }

        loaded.Database.Save(files, "again");
        Assert.Equal(first, files.ReadAllBytes("again"));
    }

    [Fact]
    public void Same_contents_give_the_same_bytes_whatever_the_insertion_order()
    {
        var files = new MemoryFileSystem();
        var forward = new SignatureDatabase();
        var backward = new SignatureDatabase();
        for (var i = 0; i < 1000; i++)
        {
            forward.Set($"d{i % 10}/f{i}.c", Info(i));
            backward.Set($"d{(999 - i) % 10}/f{999 - i}.c", Info(999 - i));
        }

        forward.Save(files, "a");
        backward.Save(files, "b");
        Assert.Equal(files.ReadAllBytes("a"), files.ReadAllBytes("b"));
        Assert.Equal(forward.SortedPaths.Order(StringComparer.Ordinal), forward.SortedPaths);
    }

    [Fact]
    public void Front_coding_keeps_the_file_small()
    {
        var files = new MemoryFileSystem();
        Synthetic(10_000).Save(files, DbPath);
        // 16 + 8 bytes of signatures/ticks on most entries; paths must cost a few bytes, not 30.
        Assert.True(files.ReadAllBytes(DbPath).Length < 10_000 * 50, $"{files.ReadAllBytes(DbPath).Length} bytes");
    }

    [Fact]
    public void Set_remove_and_lookups()
    {
        var database = Synthetic(10);
        var path = "lib_name_3/source_name_3.c";
        Assert.True(database.Contains(path));
        Assert.Equal(Info(3), database.Get(path));
        database.Set(path, Info(42));
        Assert.Equal(Info(42), database.Get(path));
        Assert.True(database.Remove(path));
        Assert.False(database.Remove(path));
        Assert.Equal(NodeInfo.None, database.Get(path));
        Assert.Equal(9, database.Count);
        database.Set("zzz", NodeInfo.None);
        Assert.Equal("zzz", database.SortedPaths[^1]);

        var files = new MemoryFileSystem();
        database.Save(files, DbPath);
        var loaded = SignatureDatabase.Load(files, DbPath).Database;
        Assert.Equal(database.Entries, loaded.Entries);
        Assert.True(loaded.TryGet("zzz", out var none));
        Assert.True(none.IsNone);
    }

    [Fact]
    public void Unicode_paths_and_shared_prefixes_inside_a_character_round_trip()
    {
        var database = new SignatureDatabase();
        string[] paths = ["a/\u00e9.c", "a/\u00e8.c", "a/\u20ac/x", "a/\U0001F600.h", "a/\uFFFD", "b", "b/c"];
        for (var i = 0; i < paths.Length; i++)
        {
            database.Set(paths[i], Info(i));
        }

        var files = new MemoryFileSystem();
        database.Save(files, DbPath);
        var loaded = SignatureDatabase.Load(files, DbPath);
        Assert.Equal(CheckedFileStatus.Ok, loaded.Status);
        Assert.Equal(database.Entries, loaded.Database.Entries);
    }

    [Fact]
    public void Any_set_of_entries_round_trips()
    {
        var segments = Gen.Elements("lib", "src", "a", "b.c", "\u00e9", "x_1");
        var paths = segments.NonEmptyListOf().Select(parts => string.Join('/', parts));
        var entries = Gen.ArrayOf(Gen.Zip(paths, ArbMap.Default.GeneratorFor<int>()));
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(entries), pairs =>
        {
            var database = new SignatureDatabase();
            foreach (var (path, seed) in pairs)
            {
                database.Set(path, Info(seed));
            }

            var files = new MemoryFileSystem();
            database.Save(files, DbPath);
            var loaded = SignatureDatabase.Load(files, DbPath);
            return loaded.Status == CheckedFileStatus.Ok && database.Entries.SequenceEqual(loaded.Database.Entries);
        }));
    }

    [Fact]
    public void Missing_file_gives_missing_and_an_empty_database()
    {
        var result = SignatureDatabase.Load(new MemoryFileSystem(), DbPath);
        Assert.Equal(CheckedFileStatus.Missing, result.Status);
        Assert.Null(result.Warning);
        Assert.Equal(0, result.Database.Count);
    }

    [Fact]
    public void Damaged_file_gives_damaged_with_a_warning_and_an_empty_database()
    {
        var files = new MemoryFileSystem();
        Synthetic(100).Save(files, DbPath);
        var bytes = files.ReadAllBytes(DbPath);
        for (var offset = 0; offset < bytes.Length; offset += 7)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[offset] ^= 0x10;
            files.WriteAllBytes(DbPath, damaged);
            var result = SignatureDatabase.Load(files, DbPath);
            Assert.Equal(CheckedFileStatus.Damaged, result.Status);
            Assert.Contains(DbPath, result.Warning, StringComparison.Ordinal);
            Assert.Contains("rebuilding", result.Warning, StringComparison.Ordinal);
            Assert.Equal(0, result.Database.Count);
        }

        files.WriteAllBytes(DbPath, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated", SignatureDatabase.Load(files, DbPath).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_framed_but_inconsistent_payload_is_damaged_naming_the_entry()
    {
        var files = new MemoryFileSystem();

        // Two entries, the second not sorting after the first.
        using (var writer = new PayloadWriter())
        {
            writer.WriteVarUInt64(2);
            WriteEntry(writer, 0, "b");
            WriteEntry(writer, 0, "a");
            CheckedFile.Write(files, DbPath, SignatureDatabase.Magic, 1, writer);
        }

        var unsorted = SignatureDatabase.Load(files, DbPath);
        Assert.Equal(CheckedFileStatus.Damaged, unsorted.Status);
        Assert.Contains("entry 1", unsorted.Warning, StringComparison.Ordinal);

        // A shared prefix longer than the previous path.
        using (var writer = new PayloadWriter())
        {
            writer.WriteVarUInt64(2);
            WriteEntry(writer, 0, "ab");
            WriteEntry(writer, 5, "c");
            CheckedFile.Write(files, DbPath, SignatureDatabase.Magic, 1, writer);
        }

        Assert.Contains("shared prefix", SignatureDatabase.Load(files, DbPath).Warning, StringComparison.Ordinal);

        // A count far beyond what the payload can hold, and unknown flags.
        using (var writer = new PayloadWriter())
        {
            writer.WriteVarUInt64(1ul << 40);
            CheckedFile.Write(files, DbPath, SignatureDatabase.Magic, 1, writer);
        }

        Assert.Contains("entry count", SignatureDatabase.Load(files, DbPath).Warning, StringComparison.Ordinal);

        using (var writer = new PayloadWriter())
        {
            writer.WriteVarUInt64(1);
            writer.WriteVarUInt64(0);
            writer.WriteString("a");
            writer.WriteByte(0x80);
            writer.WriteVarInt64(0);
            CheckedFile.Write(files, DbPath, SignatureDatabase.Magic, 1, writer);
        }

        Assert.Contains("unknown flags 0x80", SignatureDatabase.Load(files, DbPath).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_from_a_future_version_is_damaged_naming_the_version()
    {
        var files = new MemoryFileSystem();
        Synthetic(3).Save(files, DbPath);
        var bytes = files.ReadAllBytes(DbPath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 2);
        files.WriteAllBytes(DbPath, bytes);
        Assert.Contains("unsupported version 2", SignatureDatabase.Load(files, DbPath).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Saves_to_disk_atomically_and_loads_back()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sigdb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var disk = new DiskFileSystem(directory);
            Synthetic(50).Save(disk, DbPath);
            Synthetic(60).Save(disk, DbPath);
            Assert.Equal(60, SignatureDatabase.Load(disk, DbPath).Database.Count);
            Assert.Single(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteEntry(PayloadWriter writer, int shared, string suffix)
    {
        writer.WriteVarUInt64((ulong)shared);
        writer.WriteString(suffix);
        writer.WriteByte(0);
        writer.WriteVarInt64(-2);
    }
}
