using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>The exact mode on in-memory trees, one construct per test, with a fixed compiler description (no gcc needed).</summary>
public sealed class ExactScannerTests
{
    private const string Predefined = "#define __GNUC__ 12\n#define __x86_64__ 1\n#define __STDC_VERSION__ 201710L\n";

    private readonly List<string> _warnings = [];

    private ScanResult Exact(MemoryFileSystem fs, string source, string arguments = "", FixedCompilerProbe? probe = null)
    {
        var options = new ScanOptions
        {
            Mode = ScanMode.Exact,
            CompilerProbe = probe ?? new FixedCompilerProbe(Predefined, ["/usr/include"]),
            Warning = message =>
            {
                lock (_warnings)
                {
                    _warnings.Add(message);
                }
            },
        };
        var scanner = new CIncludeScanner(fs, new StrongScanCache(), options);
        return scanner.Scan(source, CompilerFlags.Parse(CommandLineSplitter.Split(arguments)));
    }

    private static MemoryFileSystem Tree(params (string Path, string Text)[] files)
    {
        var fs = new MemoryFileSystem();
        foreach (var (path, text) in files)
        {
            fs.WriteText(path, text);
        }

        return fs;
    }

    [Fact]
    public void Only_the_taken_branch_counts_and_predefined_and_command_line_macros_decide()
    {
        var fs = Tree(
            ("main.c", "#ifdef __GNUC__\n#include \"gnu.h\"\n#else\n#include \"other.h\"\n#endif\n#if defined(USE_A) && !defined(NO_B)\n#include \"a.h\"\n#elif FEATURE >= 2\n#include \"b.h\"\n#else\n#include \"c.h\"\n#endif\n"),
            ("gnu.h", ""), ("other.h", ""), ("a.h", ""), ("b.h", ""), ("c.h", ""));
        Assert.Equal(["gnu.h", "c.h"], Exact(fs, "main.c").Headers);
        Assert.Equal(["gnu.h", "a.h"], Exact(fs, "main.c", "-DUSE_A").Headers);
        Assert.Equal(["gnu.h", "b.h"], Exact(fs, "main.c", "-DUSE_A -DNO_B -DFEATURE=2").Headers);
        Assert.Equal(["other.h", "c.h"], Exact(fs, "main.c", "-U__GNUC__ -DUSE_A -UUSE_A").Headers);
    }

    [Fact]
    public void Macros_defined_and_undefined_in_headers_change_what_follows()
    {
        var fs = Tree(
            ("main.c", "#include \"config.h\"\n#if HAVE_X\n#include \"x.h\"\n#endif\n#undef HAVE_Y\n#ifdef HAVE_Y\n#include \"y.h\"\n#endif\n"),
            ("config.h", "#define HAVE_X 1\n#define HAVE_Y\n"), ("x.h", ""), ("y.h", ""));
        Assert.Equal(["config.h", "x.h"], Exact(fs, "main.c").Headers);
    }

    [Fact]
    public void System_headers_are_read_for_their_macros_but_not_listed_nor_what_they_include()
    {
        var fs = Tree(
            ("main.c", "#include <features.h>\n#if __GLIBC__ >= 2\n#include \"glibc_only.h\"\n#endif\n"),
            ("/usr/include/features.h", "#define __GLIBC__ 2\n#include <bits/more.h>\n#include \"/project/from_system.h\"\n"),
            ("/usr/include/bits/more.h", ""), ("glibc_only.h", ""), ("from_system.h", ""));
        var result = Exact(fs, "main.c");
        Assert.Equal(["glibc_only.h"], result.Headers);
        Assert.Contains("/usr/include/bits/more.h", result.FilesRead);
        Assert.Contains("from_system.h", result.FilesRead);
    }

    [Fact]
    public void Isystem_directories_are_system_and_an_I_that_duplicates_one_is_dropped()
    {
        var fs = Tree(("main.c", "#include <lib.h>\n#include <own.h>\n"), ("sys/lib.h", ""), ("inc/own.h", ""));
        Assert.Equal(["inc/own.h"], Exact(fs, "main.c", "-Isys -Iinc -isystem sys").Headers);
    }

    [Fact]
    public void Computed_includes_are_expanded_with_object_and_function_like_macros()
    {
        var fs = Tree(
            ("main.c", "#define HDR \"a.h\"\n#include HDR\n#define STR(x) #x\n#define XSTR(x) STR(x)\n#define NAME b\n#include XSTR(NAME.h)\n#define ANGLE <sub/c.h>\n#include ANGLE\n#define CAT(a, b) a ## b\n#define PATH(f) XSTR(CAT(f, _impl).h)\n#include PATH(d)\n"),
            ("a.h", ""), ("b.h", ""), ("inc/sub/c.h", ""), ("d_impl.h", ""));
        Assert.Equal(["a.h", "b.h", "inc/sub/c.h", "d_impl.h"], Exact(fs, "main.c", "-Iinc").Headers);
    }

    [Fact]
    public void Has_include_and_has_include_next_test_the_search_path()
    {
        var fs = Tree(
            ("main.c", "#if __has_include(\"present.h\")\n#include \"present.h\"\n#endif\n#if __has_include(<absent.h>)\n#include \"wrong.h\"\n#endif\n#include <wrap.h>\n"),
            ("present.h", ""), ("wrong.h", ""),
            ("one/wrap.h", "#if __has_include_next(<wrap.h>)\n#include_next <wrap.h>\n#endif\n"),
            ("two/wrap.h", ""));
        Assert.Equal(["present.h", "one/wrap.h", "two/wrap.h"], Exact(fs, "main.c", "-Ione -Itwo").Headers);
    }

    [Fact]
    public void Include_next_goes_on_after_the_directory_the_includer_was_found_in()
    {
        var fs = Tree(
            ("main.c", "#include <limits.h>\n"),
            ("compat/limits.h", "#include_next <limits.h>\n#define COMPAT 1\n"),
            ("/usr/include/limits.h", "#include \"/project/after_system.h\"\n"),
            ("after_system.h", ""));
        Assert.Equal(["compat/limits.h"], Exact(fs, "main.c", "-Icompat").Headers);
    }

    [Fact]
    public void Include_guards_and_pragma_once_read_a_file_once_and_a_guard_first_met_defined_still_lists_it()
    {
        var fs = Tree(
            ("main.c", "#define PRE_H\n#include \"pre.h\"\n#include \"g.h\"\n#include \"g.h\"\n#include \"o.h\"\n#include \"o.h\"\n#import \"i.h\"\n#import \"i.h\"\n"),
            ("pre.h", "#ifndef PRE_H\n#define PRE_H\n#include \"never.h\"\n#endif\n"),
            ("g.h", "#ifndef G_H\n#define G_H\n#include \"inner.h\"\n#endif\n"),
            ("o.h", "#pragma once\n#include \"o_inner.h\"\n"),
            ("inner.h", ""), ("o_inner.h", ""), ("never.h", ""), ("i.h", ""));
        Assert.Equal(["pre.h", "g.h", "inner.h", "o.h", "o_inner.h", "i.h"], Exact(fs, "main.c").Headers);
    }

    [Fact]
    public void Skipped_groups_are_skipped_whole_however_nested_and_elif_chains_take_the_first_true()
    {
        var fs = Tree(
            ("main.c", "#if 0\n#if 1\n#include \"no1.h\"\n#else\n#include \"no2.h\"\n#endif\n#elif 0\n#include \"no3.h\"\n#elif 1 + 1 == 2\n#include \"yes.h\"\n#elif 1\n#include \"no4.h\"\n#else\n#include \"no5.h\"\n#endif\n#ifndef X\n#elifdef __GNUC__\n#include \"no6.h\"\n#endif\n"),
            ("no1.h", ""), ("no2.h", ""), ("no3.h", ""), ("no4.h", ""), ("no5.h", ""), ("no6.h", ""), ("yes.h", ""));
        Assert.Equal(["yes.h"], Exact(fs, "main.c").Headers);
    }

    [Fact]
    public void Function_like_macros_in_if_expressions_are_expanded()
    {
        var fs = Tree(
            ("main.c", "#define VERSION(a, b) ((a) * 100 + (b))\n#define GNUC_PREREQ(maj, min) (VERSION(__GNUC__, 0) >= VERSION(maj, min))\n#if GNUC_PREREQ(4, 2)\n#include \"new.h\"\n#endif\n#if GNUC_PREREQ(13, 0)\n#include \"newer.h\"\n#endif\n"),
            ("new.h", ""), ("newer.h", ""));
        Assert.Equal(["new.h"], Exact(fs, "main.c").Headers);
    }

    [Fact]
    public void Compiler_operators_are_asked_of_the_compiler()
    {
        var probe = new FixedCompilerProbe(Predefined, ["/usr/include"]);
        probe.OperatorValues["__has_builtin(__builtin_expect)"] = 1;
        var fs = Tree(
            ("main.c", "#if defined(__has_builtin) && __has_builtin(__builtin_expect)\n#include \"expect.h\"\n#endif\n#if __has_attribute(nothing_here)\n#include \"attr.h\"\n#endif\n#ifdef __has_feature\n#include \"clang.h\"\n#endif\n"),
            ("expect.h", ""), ("attr.h", ""), ("clang.h", ""));
        Assert.Equal(["expect.h"], Exact(fs, "main.c", probe: probe).Headers);
    }

    [Fact]
    public void Forced_includes_come_first_are_listed_and_their_macros_count()
    {
        var fs = Tree(("main.c", "#ifdef FORCED\n#include \"seen.h\"\n#endif\n"), ("config/force.h", "#define FORCED\n"), ("seen.h", ""));
        Assert.Equal(["config/force.h", "seen.h"], Exact(fs, "main.c", "-include config/force.h").Headers);
    }

    [Fact]
    public void Pragma_push_and_pop_macro_and_system_header_are_honoured()
    {
        var fs = Tree(
            ("main.c", "#define M 1\n#pragma push_macro(\"M\")\n#undef M\n#pragma pop_macro(\"M\")\n#if M\n#include \"m.h\"\n#endif\n#include \"sys_like.h\"\n"),
            ("m.h", ""), ("sys_like.h", "#pragma GCC system_header\n#include \"hidden.h\"\n"), ("hidden.h", ""));
        Assert.Equal(["m.h", "sys_like.h"], Exact(fs, "main.c").Headers);
    }

    [Fact]
    public void A_malformed_if_or_a_missing_header_is_one_warning_and_the_rest_is_scanned()
    {
        var fs = Tree(("main.c", "#if 1 +\n#include \"no.h\"\n#endif\n#include \"missing.h\"\n#include \"after.h\"\n"), ("no.h", ""), ("after.h", ""));
        Assert.Equal(["after.h"], Exact(fs, "main.c").Headers);
        Assert.Equal(2, _warnings.Count);
        Assert.Contains(_warnings, warning => warning.StartsWith("main.c:1: #if", StringComparison.Ordinal));
        Assert.Contains(_warnings, warning => warning.Contains("\"missing.h\" not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Include_depth_is_bounded_as_gcc_bounds_it()
    {
        var fs = Tree(("main.c", "#include \"self.h\"\n"), ("self.h", "#include \"self.h\"\n"));
        Assert.Equal(["self.h"], Exact(fs, "main.c").Headers);
        Assert.Single(_warnings, warning => warning.Contains("nested depth 200", StringComparison.Ordinal));
    }

    [Fact]
    public void A_generated_header_that_does_not_exist_yet_resolves_and_is_scanned_as_empty()
    {
        var fs = Tree(("main.c", "#include <gen/config.h>\n#include \"real.h\"\n"), ("real.h", ""));
        var options = new ScanOptions
        {
            Mode = ScanMode.Exact,
            CompilerProbe = new FixedCompilerProbe(Predefined, []),
            IsBuildOutput = path => path == "include/gen/config.h",
        };
        var scanner = new CIncludeScanner(fs, new StrongScanCache(), options);
        Assert.Equal(["include/gen/config.h", "real.h"], scanner.Scan("main.c", CompilerFlags.FromIncludeDirs(["include"])).Headers);
    }

    [Fact]
    public void Result_records_what_it_depends_on()
    {
        var fs = Tree(("main.c", "#include <x.h>\n"), ("inc2/x.h", ""));
        var result = Exact(fs, "main.c", "-Iinc1 -Iinc2 -DA=1");
        Assert.Equal(ScanMode.Exact, result.Mode);
        Assert.Equal(["main.c", "inc2/x.h"], result.FilesRead);
        Assert.Contains("inc1/x.h", result.Probed);
        Assert.Contains("DA=1", result.Configuration, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_nesting_is_a_warning_not_a_stack_overflow()
    {
        const int deep = 100_000;
        var parens = "#if " + new string('(', deep) + "1" + new string(')', deep) + "\n#include \"no.h\"\n#endif\n";
        var nots = "#if " + new string('!', deep) + "0\n#include \"no2.h\"\n#endif\n";
        // Calls nested past the argument-depth bound are left unexpanded, which makes the #if malformed.
        const int calls = 1000;
        var nested = "#define F(x) x\n#if " + string.Concat(Enumerable.Repeat("F(", calls)) + "1" + new string(')', calls) + "\n#include \"no3.h\"\n#endif\n";
        var shallow = "#if " + string.Concat(Enumerable.Repeat("F(", 150)) + "1" + new string(')', 150) + "\n#include \"yes.h\"\n#endif\n";
        var fs = Tree(("main.c", parens + nots + nested + shallow), ("no.h", ""), ("no2.h", ""), ("no3.h", ""), ("yes.h", ""));
        Assert.Equal(["yes.h"], Exact(fs, "main.c").Headers);
        Assert.Equal(2, _warnings.Count(warning => warning.Contains("nested more than", StringComparison.Ordinal)));
        Assert.Equal(3, _warnings.Count);
    }
}
