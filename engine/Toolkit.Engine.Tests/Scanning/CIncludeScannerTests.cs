using System.Text;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class CIncludeScannerTests
{
    private static readonly string[] NoDirs = [];

    private static CIncludeScanner Scanner(IFileSystem fs, bool memoize = true) => new(fs, new StrongScanCache(), memoize);

    [Fact]
    public void Transitive_order_is_depth_first_preorder_and_each_header_once()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("main.c", "#include <stdio.h>\n#include \"a.h\"\n#include \"b.h\"\n#include \"a.h\"\n");
        fs.WriteText("a.h", "#include \"c.h\"\n#include \"b.h\"\n");
        fs.WriteText("b.h", "#include \"d.h\"\n");
        fs.WriteText("c.h", "");
        fs.WriteText("d.h", "#include \"c.h\"\n");
        Assert.Equal(["a.h", "c.h", "b.h", "d.h"], Scanner(fs).ScanTransitive("main.c", NoDirs));
    }

    [Fact]
    public void Nested_directories_resolve_quoted_includes_against_each_headers_own_directory()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("src/main.c", "#include <lib/api.h>\n#include \"local.h\"\n");
        fs.WriteText("src/local.h", "");
        fs.WriteText("include/lib/api.h", "#include \"detail/impl.h\"\n#include \"../common.h\"\n");
        fs.WriteText("include/lib/detail/impl.h", "#include \"../api.h\"\n");
        fs.WriteText("include/common.h", "");
        Assert.Equal(
            ["include/lib/api.h", "include/lib/detail/impl.h", "include/common.h", "src/local.h"],
            Scanner(fs).ScanTransitive("./src/main.c", ["include"]));
    }

    [Fact]
    public void Same_scanner_keeps_different_cpppaths_apart()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("main.c", "#include <cfg.h>\n");
        fs.WriteText("one/cfg.h", "");
        fs.WriteText("two/cfg.h", "#include <extra.h>\n");
        fs.WriteText("two/extra.h", "");
        var scanner = Scanner(fs);
        Assert.Equal(["one/cfg.h"], scanner.ScanTransitive("main.c", ["one", "two"]));
        Assert.Equal(["two/cfg.h", "two/extra.h"], scanner.ScanTransitive("main.c", ["two", "one"]));
    }

    [Fact]
    public void Header_cycles_are_tolerated_and_the_source_is_never_listed()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("main.c", "#include \"x.h\"\n");
        fs.WriteText("x.h", "#include \"y.h\"\n#include \"z.h\"\n");
        fs.WriteText("y.h", "#include \"x.h\"\n#include \"main.c\"\n#include \"y.h\"\n");
        fs.WriteText("z.h", "#include \"x.h\"\n");
        Assert.Equal(["x.h", "y.h", "z.h"], Scanner(fs).ScanTransitive("main.c", NoDirs));
        Assert.Equal(["y.h", "main.c", "z.h"], Scanner(fs).ScanTransitive("x.h", NoDirs));
    }

    [Fact]
    public void Deep_chain_of_5000_headers_does_not_overflow_the_stack()
    {
        const int depth = 5000;
        var fs = new MemoryFileSystem();
        fs.WriteText("main.c", "#include \"h0.h\"\n");
        for (var i = 0; i < depth; i++)
        {
            fs.WriteText($"h{i}.h", i + 1 < depth ? $"#include \"h{i + 1}.h\"\n" : "");
        }

        var headers = Scanner(fs).ScanTransitive("main.c", NoDirs);
        Assert.Equal(depth, headers.Count);
        Assert.Equal("h0.h", headers[0]);
        Assert.Equal($"h{depth - 1}.h", headers[^1]);
    }

    [Fact]
    public void Missing_source_throws_naming_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Scanner(new MemoryFileSystem()).ScanTransitive("gone.c", NoDirs));
        Assert.Contains("gone.c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_above_the_root_is_named_absolutely_and_scanned()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("/outside.c", "#include \"near.h\"\n");
        fs.WriteText("/near.h", "");
        Assert.Equal([new IncludeDirective("near.h", false)], Scanner(fs).DirectIncludes("../outside.c"));
        Assert.Equal(["/near.h"], Scanner(fs).ScanTransitive("/outside.c", NoDirs));
    }

    [Fact]
    public void Stat_once_per_path_across_many_sources()
    {
        var memory = new MemoryFileSystem();
        memory.WriteText("common.h", "#include <stdio.h>\n");
        for (var i = 0; i < 20; i++)
        {
            memory.WriteText($"s{i}.c", "#include \"common.h\"\n#include <stdio.h>\n");
        }

        var fs = new CountingFileSystem(memory);
        var scanner = Scanner(fs);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(["common.h"], scanner.ScanTransitive($"s{i}.c", ["inc"]));
        }

        Assert.All(fs.Stats, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(1, fs.Reads["common.h"]);
    }

    [Fact]
    public void Parallel_scans_and_rescans_equal_sequential_ones_with_and_without_memo()
    {
        var fs = RandomTree(sources: 300, headers: 80, seed: 7);
        string[] cppPath = ["inc", "inc/sub"];
        var sequentialScanner = Scanner(fs);
        var expected = Enumerable.Range(0, 300).Select(i => sequentialScanner.ScanTransitive($"src/s{i}.c", cppPath)).ToArray();
        Assert.Contains(expected, list => list.Count > 5);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(expected[i], sequentialScanner.ScanTransitive($"src/s{i}.c", cppPath));
        }

        foreach (var memoize in new[] { true, false })
        {
            var parallelScanner = Scanner(fs, memoize);
            var actual = new IReadOnlyList<string>[300];
            Parallel.For(0, 300, i => actual[i] = parallelScanner.ScanTransitive($"src/s{i}.c", cppPath));
            for (var i = 0; i < 300; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }

    /// <summary>Sources and headers with random includes (cycles included) between headers in two CPPPATH dirs.</summary>
    internal static MemoryFileSystem RandomTree(int sources, int headers, int seed)
    {
        var random = new Random(seed);
        var fs = new MemoryFileSystem();
        string HeaderName(int h) => h % 3 == 0 ? $"sub/h{h}.h" : $"h{h}.h";
        string Includes(int count)
        {
            var text = new StringBuilder();
            for (var k = 0; k < count; k++)
            {
                var h = random.Next(headers);
                text.Append(random.Next(2) == 0 ? $"#include <{HeaderName(h)}>\n" : $"#include \"{HeaderName(h)}\"\n");
            }

            return text.Append("#include <stdio.h>\n").ToString();
        }

        for (var h = 0; h < headers; h++)
        {
            fs.WriteText("inc/" + HeaderName(h), Includes(random.Next(4)));
        }

        for (var s = 0; s < sources; s++)
        {
            fs.WriteText($"src/s{s}.c", Includes(1 + random.Next(5)));
        }

        return fs;
    }
}
