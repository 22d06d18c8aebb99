using Toolkit.Engine.Scanning;
using Xunit.Abstractions;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>
/// The exact mode against the real compiler on a small tree that uses every construct it evaluates
/// (predefined and -D/-U macros, system headers' macros, #if/#elif with defined, __has_include and
/// function-like macros, #include MACRO, #include_next, guards, #pragma once, -include, -isystem, a
/// -I outside the root), compiled with several sets of flags: its lists must equal gcc -MM's, in order.
/// The conservative mode on the same commands may list more but miss only behind #include MACRO.
/// Runs through <see cref="ScanComparison"/>, the code behind <c>toolkit scan --compare-gcc</c>.
/// </summary>
public sealed class ExactGccCrossCheckTests : IDisposable
{
    private static readonly (string Path, string Text)[] Tree =
    [
        ("work/src/main.c", """
            #include <stdio.h>
            #include <limits.h>
            #include "config.h"
            #if defined(__linux__) && INT_MAX > 32767
            #include "linux.h"
            #elif defined(_WIN32)
            #include "win.h"
            #else
            #include "other.h"
            #endif
            #define STR(x) #x
            #define XSTR(x) STR(x)
            #define PLATFORM_HEADER(name) XSTR(plat_##name.h)
            #include PLATFORM_HEADER(impl)
            #include CONFIG_HEADER
            #if __has_include("optional.h")
            #include "optional.h"
            #endif
            #if __has_include(<absent_anywhere.h>)
            #include "never1.h"
            #endif
            #include <wrap.h>
            #include <sysdir.h>
            #include <lua.h>
            #if 0
            #include "never2.h"
            #endif
            #include "guarded.h"
            #include "guarded.h"
            #include "once.h"
            #include "once.h"
            int main(void) { return 0; }
            """),
        ("work/src/config.h", "#ifndef CONFIG_H\n#define CONFIG_H\n#define GCC_AT_LEAST(major) (__GNUC__ >= (major))\n#if GCC_AT_LEAST(4) && defined(FEATURE)\n#include \"feature.h\"\n#endif\n#endif\n"),
        ("work/src/linux.h", "#pragma once\n"),
        ("work/src/win.h", "#pragma once\n"),
        ("work/src/other.h", "#pragma once\n"),
        ("work/src/plat_impl.h", "#pragma once\n"),
        ("work/src/feature.h", "#pragma once\n"),
        ("work/src/cfg_a.h", "#pragma once\n#if __STDC_VERSION__ >= 201112L\n#include \"c11.h\"\n#endif\n"),
        ("work/src/c11.h", "#pragma once\n"),
        ("work/src/optional.h", "#pragma once\n"),
        ("work/src/never1.h", "#error never\n"),
        ("work/src/never2.h", "#error never\n"),
        ("work/src/guarded.h", "#ifndef GUARDED_H\n#define GUARDED_H\n#include \"guard_inner.h\"\n#endif\n"),
        ("work/src/guard_inner.h", "/* leaf */\n"),
        ("work/src/once.h", "#pragma once\n#include \"once_inner.h\"\n"),
        ("work/src/once_inner.h", "/* leaf */\n"),
        ("work/compat/wrap.h", "#include_next <wrap.h>\n#define WRAPPED 1\n"),
        ("work/inc/wrap.h", "#ifndef INC_WRAP_H\n#define INC_WRAP_H\n#include \"wrap_detail.h\"\n#endif\n"),
        ("work/inc/wrap_detail.h", "/* leaf */\n"),
        ("work/sys/sysdir.h", "#include \"sys_private.h\"\n"),
        ("work/sys/sys_private.h", "/* not listed: included from a system header */\n"),
        ("work/force/forced.h", "#define FORCED 1\n"),
        ("outside/lua/lua.h", "#ifndef LUA_H\n#define LUA_H\n#include \"luaconf.h\"\n#endif\n"),
        ("outside/lua/luaconf.h", "/* leaf */\n"),
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-exact-gcc-").FullName;
    private readonly ITestOutputHelper _output;

    public ExactGccCrossCheckTests(ITestOutputHelper output)
    {
        _output = output;
        foreach (var (path, text) in Tree)
        {
            var full = Path.Join(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            // Each file names itself: gcc's #pragma once treats equal files with equal times as one.
            File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n/* " + path + " */\n");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private List<CompileCommand> Commands(string compiler)
    {
        string[] common = ["-Icompat", "-Iinc", "-isystem", "sys", "-I../outside/lua", "-include", "force/forced.h", "-c", "src/main.c", "-o", "main.o"];
        string[][] variants =
        [
            ["-DCONFIG_HEADER=\"cfg_a.h\"", "-std=c11", "-DFEATURE"],
            ["-DCONFIG_HEADER=\"cfg_a.h\"", "-std=c99", "-U__linux__"],
            ["-DCONFIG_HEADER=<src/cfg_a.h>", "-I.", "-O2", "-U__linux__", "-D_WIN32"],
        ];
        var work = Path.Join(_root, "work");
        return variants.Select(flags => new CompileCommand(work, "src/main.c", [compiler, .. flags, .. common])).ToList();
    }

    [Fact]
    public void Exact_mode_lists_what_gcc_MM_lists_in_order_and_conservative_misses_only_behind_computed_includes()
    {
        var compiler = CompilerOnPath.Find();
        if (compiler is null)
        {
            _output.WriteLine("SKIPPED: neither gcc nor cc is on PATH; the exact-mode cross-check with the compiler did not run.");
            return;
        }

        var commands = Commands(compiler);
        var exact = ScanComparison.Run(commands, Path.Join(_root, "work"), ScanMode.Exact, 1, compareWithGcc: true, warning: _output.WriteLine);
        foreach (var file in exact.Files)
        {
            _output.WriteLine($"gcc:   {string.Join(' ', file.Gcc ?? [])} {file.GccError}");
            _output.WriteLine($"exact: {string.Join(' ', file.Ours)}");
        }

        Assert.Equal(commands.Count, exact.Compared);
        Assert.Equal(commands.Count, exact.SameOrder);
        Assert.Empty(exact.Warnings);
        Assert.Contains(exact.Files[0].Ours, header => header.EndsWith("outside/lua/luaconf.h", StringComparison.Ordinal) && ScanPaths.IsOutside(header));
        Assert.Contains("src/feature.h", exact.Files[0].Ours);
        Assert.DoesNotContain("src/feature.h", exact.Files[1].Ours);
        Assert.Contains("src/win.h", exact.Files[2].Ours);

        var conservative = ScanComparison.Run(commands, Path.Join(_root, "work"), ScanMode.Conservative, 1, compareWithGcc: true, warning: null);
        Assert.Equal(0, conservative.MissedUnexplained);
        Assert.True(conservative.Files.All(file => file.HasComputedInclude));
        Assert.Contains(conservative.Warnings, warning => warning.Contains("#include PLATFORM_HEADER(impl)", StringComparison.Ordinal));
        Assert.True(conservative.Precision < 1, "the conservative mode lists the headers of every branch");
    }
}
