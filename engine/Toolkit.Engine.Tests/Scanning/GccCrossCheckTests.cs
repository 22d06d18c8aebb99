using System.Diagnostics;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;
using Xunit.Abstractions;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>
/// Compares the scanner with the real compiler on a small tricky C tree: every dependency
/// <c>gcc -MM</c> lists must be found, in gcc's order, and the only extras allowed are the headers
/// under conditionals that the compiler skips (the scanner counts every branch, by design).
/// </summary>
public sealed class GccCrossCheckTests
{
    private static readonly string[] IncludeDirs = ["include", "third_party/include"];

    // Extras explained by conservative #if handling: a header only under `#if 0`, under
    // `#ifdef NEVER_DEFINED`, or under the `#else` of `#if defined(__GNUC__)`.
    private static readonly Dictionary<string, string[]> ExpectedExtras = new(StringComparer.Ordinal)
    {
        ["src/main.c"] = ["include/never.h", "include/optional.h"],
        ["src/mod/other.c"] = ["src/mod/notgnu.h"],
        ["src/plain.c"] = [],
    };

    private static readonly (string Path, string Text)[] Tree =
    [
        ("src/main.c", """
            #include <stdio.h>
            #include "config.h"      /* the one beside main.c, not include/config.h */
            #include <config.h>      // angle: first -I dir
            #include "util.h"        // not in src/: falls back to -I dirs
            /* #include "commented.h" */
            // #include "commented.h"
            static const char *s = "#include \"fake.h\"";
            #include "../shared/common.h"
            int main(void) { return s[0]; }
            """),
        ("src/config.h", "#ifndef SRC_CONFIG_H\n#define SRC_CONFIG_H\n#include \"local_only.h\"\n#endif\n"),
        ("src/local_only.h", "/* leaf */\n"),
        ("src/mod/other.c", """
            #include "../config.h"
            #include <platform/os.h>
            #if defined(__GNUC__)
            #include "gnu.h"
            #else
            #include "notgnu.h"
            #endif
            #  include \
              "cont.h"
            int other(void) { return 0; }
            """),
        ("src/mod/gnu.h", "#pragma once\n"),
        ("src/mod/notgnu.h", "#pragma once\n"),
        ("src/mod/cont.h", "#pragma once\n"),
        ("src/plain.c", """
            #include "plain_with_a_rather_long_header_name_number_one.h"
            #include "plain_with_a_rather_long_header_name_number_two.h"
            #include <platform/os.h>
            #include "plain_with_a_rather_long_header_name_number_one.h"
            """),
        ("src/plain_with_a_rather_long_header_name_number_one.h", "#pragma once\n#include \"plain_with_a_rather_long_header_name_number_two.h\"\n"),
        ("src/plain_with_a_rather_long_header_name_number_two.h", "#pragma once\n"),
        ("include/config.h", "#ifndef CONFIG_H\n#define CONFIG_H\n#include \"platform/os.h\"\n#if 0\n#include \"never.h\"\n#endif\n#endif\n"),
        ("include/never.h", "#error never included\n"),
        ("include/platform/os.h", "#ifndef OS_H\n#define OS_H\n#include \"../version.h\"\n#include <stddef.h>\n#endif\n"),
        ("include/version.h", "#ifndef VERSION_H\n#define VERSION_H\n#define VERSION 1\n#endif\n"),
        ("include/util.h", "#pragma once\n/* #include \"commented.h\" */\n#include \"config.h\"\n#ifdef NEVER_DEFINED\n#include \"optional.h\"\n#else\n#include \"fallback.h\"\n#endif\n"),
        ("include/optional.h", "#error not included\n"),
        ("include/fallback.h", "#pragma once\n"),
        ("include/commented.h", "#error commented out\n"),
        ("include/fake.h", "#error only in a string\n"),
        ("third_party/include/config.h", "#error shadowed by include/config.h\n"),
        ("third_party/include/util.h", "#error shadowed by include/util.h\n"),
        ("shared/common.h", "#ifndef COMMON_H\n#define COMMON_H\n#include \"sub/deep.h\"\n#endif\n"),
        ("shared/sub/deep.h", "#ifndef DEEP_H\n#define DEEP_H\n#include \"../common.h\"\n#include <util.h>\n#endif\n"),
    ];

    private readonly ITestOutputHelper _output;

    public GccCrossCheckTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Scanner_finds_every_dependency_gcc_lists_and_only_the_expected_extras()
    {
        var compiler = CompilerOnPath.Find();
        if (compiler is null)
        {
            _output.WriteLine("SKIPPED: neither gcc nor cc is on PATH; the compiler cross-check did not run.");
            return;
        }

        var root = Directory.CreateTempSubdirectory("toolkit-scan-").FullName;
        try
        {
            foreach (var (path, text) in Tree)
            {
                var full = Path.Join(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                // Each file names itself: gcc's #pragma once treats two files with equal contents and
                // times as one file, which would hide a header from its output.
                File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n/* " + path + " */\n");
            }

            var scanner = new CIncludeScanner(new DiskFileSystem(root), new StrongScanCache());
            foreach (var (source, extras) in ExpectedExtras)
            {
                var gccRule = RunGcc(compiler, root, source);
                _output.WriteLine(gccRule);
                var gccDeps = ParseRule(gccRule, source);
                var ours = scanner.ScanTransitive(source, IncludeDirs);
                _output.WriteLine($"{source}: gcc {string.Join(' ', gccDeps)} | scanner {string.Join(' ', ours)}");

                Assert.All(gccDeps, dep => Assert.Contains(dep, ours));
                Assert.Equal(extras.Order(StringComparer.Ordinal), ours.Except(gccDeps).Order(StringComparer.Ordinal));
                Assert.Equal(gccDeps, ours.Where(gccDeps.Contains).ToList());

                // The formatter, given gcc's own names, writes gcc's text (wrapping included).
                Assert.Equal(gccRule, MakeDependencyFormatter.Format(source, RawNames(gccRule).Skip(1).ToList()));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The prerequisites of a gcc rule as gcc spelled them, the source first.</summary>
    private static string[] RawNames(string rule)
    {
        var joined = rule.Replace("\\\n", " ", StringComparison.Ordinal);
        var colon = joined.IndexOf(": ", StringComparison.Ordinal);
        Assert.True(colon > 0, $"not a make rule: {rule}");
        return joined[(colon + 2)..].Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static string RunGcc(string compiler, string root, string source)
    {
        var start = new ProcessStartInfo(compiler)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var directory in IncludeDirs)
        {
            start.ArgumentList.Add("-I");
            start.ArgumentList.Add(directory);
        }

        start.ArgumentList.Add("-MM");
        start.ArgumentList.Add(source);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{compiler} -MM {source} failed: {stderr.Result}");
        return stdout;
    }

    /// <summary>
    /// The prerequisites of a gcc rule, without the source, normalized as project paths, each once
    /// (gcc lists a header again when it re-enters it through a differently spelled path or when its
    /// guard is not recognised; make does not care, the scanner lists each once).
    /// </summary>
    private static List<string> ParseRule(string rule, string source)
    {
        var names = RawNames(rule);
        Assert.Equal(source, names[0]);
        return names.Skip(1).Select(name => ProjectPath.Normalize(name) ?? throw new InvalidOperationException($"gcc named a path outside the tree: {name}")).Distinct().ToList();
    }
}
