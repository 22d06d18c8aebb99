using Toolkit.Optimizations.StructOfArrays;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>Paths by (directory, name): round trips, whole-path keys, unicode, errors, growth.</summary>
public sealed class PathIndexTests
{
    [Fact]
    public void Paths_round_trip_and_are_found_under_their_directories()
    {
        var index = new PathIndex();
        var root = index.Add(".", -1);
        var a = index.Add("a", root);
        var ab = index.Add("a/bé", a);
        var file = index.Add("a/bé/名前.c", ab);
        var top = index.Add("top.c", root);

        Assert.Equal(root, index.Root);
        Assert.Equal("a/bé/名前.c", index.GetPath(file));
        Assert.Equal("top.c", index.GetPath(top));
        Assert.Equal(".", index.GetPath(root));
        Assert.Equal(file, index.Find("a/bé/名前.c"));
        Assert.Equal(ab, index.Find("a/bé"));
        Assert.Equal(root, index.Find("."));
        Assert.Equal(-1, index.Find("a/bé/名前"));
        Assert.Equal(-1, index.Find("a//bé"));
        Assert.Equal(-1, index.Find(""));
        Assert.Equal(ab, index.GetDirectory(file));
        // Names only: "a", "bé" (3 bytes), "名前.c" (8 bytes), "top.c", and the root's ".".
        Assert.Equal(1 + 1 + 3 + 8 + 5, index.NameBytes);
    }

    [Fact]
    public void Paths_that_are_not_directory_plus_name_keep_their_whole_path()
    {
        var index = new PathIndex();
        var root = index.Add(".", -1);
        var lib = index.Add("lib", root);
        var alias = index.Add("group/all", root);          // a '/' in a name under the root
        var nested = index.Add("lib/everything", root);     // an alias under an existing directory's path
        var orphan = index.Add("x/y.c", -1);                // no directory at all
        var mismatch = index.Add("other/z.c", lib);          // a directory that is not its path's
        var child = index.Add("x/y.c/inner", orphan);       // under a whole-path node

        foreach (var (id, path) in new[] { (alias, "group/all"), (nested, "lib/everything"), (orphan, "x/y.c"), (mismatch, "other/z.c"), (child, "x/y.c/inner") })
        {
            Assert.Equal(path, index.GetPath(id));
            Assert.Equal(id, index.Find(path));
        }

        Assert.Equal(lib, index.GetDirectory(mismatch));
        Assert.Equal(-1, index.Find("group"));
    }

    [Fact]
    public void Paths_copied_as_utf8_are_the_bytes_of_the_path_strings()
    {
        var index = new PathIndex();
        var root = index.Add(".", -1);
        var a = index.Add("a", root);
        var ab = index.Add("a/bé", a);
        var ids = new[] { root, a, ab, index.Add("a/bé/名前.c", ab), index.Add("group/all", root), index.Add("x/y.c", -1), index.Add("other/z.c", a) };
        var buffer = new byte[64];
        foreach (var id in ids)
        {
            var expected = System.Text.Encoding.UTF8.GetBytes(index.GetPath(id));
            var length = index.CopyPathUtf8(id, buffer);
            Assert.Equal(expected, buffer[..length]);
            Assert.Equal(-expected.Length, index.CopyPathUtf8(id, buffer.AsSpan(0, expected.Length - 1)));
        }
    }

    [Fact]
    public void A_store_without_a_root_still_finds_everything()
    {
        var index = new PathIndex();
        var a = index.Add("a", -1);
        var b = index.Add("a/b", a);
        Assert.Equal(-1, index.Root);
        Assert.Equal(b, index.Find("a/b"));
        Assert.Equal("a/b", index.GetPath(b));
    }

    [Fact]
    public void Bad_input_is_refused_with_the_path_named()
    {
        var index = new PathIndex();
        var root = index.Add(".", -1);
        index.Add("a.c", root);
        Assert.Contains("'a.c'", Assert.Throws<ArgumentException>(() => index.Add("a.c", root)).Message, StringComparison.Ordinal);
        Assert.Contains("bad", Assert.Throws<ArgumentException>(() => index.Add("bad\uD800.c", root)).Message, StringComparison.Ordinal);
        Assert.Contains("no directory node 9", Assert.Throws<ArgumentOutOfRangeException>(() => index.Add("b.c", 9)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.GetPath(5));
    }

    [Fact]
    public void A_hundred_thousand_paths_survive_growth_and_long_paths_leave_the_stack_buffer()
    {
        var index = new PathIndex();
        var root = index.Add(".", -1);
        var directories = new List<int>();
        for (var d = 0; d < 100; d++)
        {
            directories.Add(index.Add($"dir{d}", root));
        }

        var longName = new string('n', 700) + "ü";
        var deep = index.Add($"dir0/{longName}", directories[0]);
        for (var i = 0; i < 100_000; i++)
        {
            index.Add($"dir{i % 100}/f{i}.c", directories[i % 100]);
        }

        index.Trim();
        Assert.Equal($"dir0/{longName}", index.GetPath(deep));
        Assert.Equal(deep, index.Find($"dir0/{longName}"));
        for (var i = 0; i < 100_000; i += 331)
        {
            var id = index.Find($"dir{i % 100}/f{i}.c");
            Assert.Equal($"dir{i % 100}/f{i}.c", index.GetPath(id));
        }
    }
}
