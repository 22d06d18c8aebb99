using System.Text.Json;
using Toolkit.SyntheticProjects.CompileCommands;
using Toolkit.SyntheticProjects.Tests.Generation;

namespace Toolkit.SyntheticProjects.Tests.CompileCommands;

public sealed class CompileCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CompileCommandsTests()
    {
        // src/a.c includes "a.h" (beside it) and <pub.h> (in include/, found only through -I);
        // lib/b.c includes <cfg.h> from gen/ (found only through its own -I) and <pub.h>.
        Write("src/a.c", "#include \"a.h\"\n#include <pub.h>\nint a;\n");
        Write("src/a.h", "#include <deep.h>\n");
        Write("include/pub.h", "// pub\n");
        Write("include/deep.h", "// deep\n");
        Write("lib/b.c", "#include <cfg.h>\n#include <pub.h>\n");
        Write("gen/cfg.h", "// generated\n");
        Directory.CreateDirectory(_temp.Sub("build"));
    }

    [Fact]
    public void CMake_command_form_and_bear_arguments_form_give_the_same_graph_with_each_sources_flags()
    {
        var build = _temp.Sub("build");
        var cmake = Json(
            new { directory = build, command = "/usr/bin/cc -DNDEBUG \"-DNAME=\\\"two words\\\"\" -I../include -o CMakeFiles/a.dir/a.c.o -c ../src/a.c", file = "../src/a.c", output = "CMakeFiles/a.dir/a.c.o" },
            new { directory = build, command = "/usr/bin/cc -I/nowhere -isystem " + _temp.Sub("gen") + " -I ../include -O2 -o CMakeFiles/b.dir/b.c.o -c " + _temp.Sub("lib/b.c"), file = _temp.Sub("lib/b.c"), output = "CMakeFiles/b.dir/b.c.o" });
        var bear = Json(
            new { directory = build, arguments = new[] { "/usr/bin/cc", "-DNDEBUG", "-DNAME=\"two words\"", "-I../include", "-c", "-o", "CMakeFiles/a.dir/a.c.o", "../src/a.c" }, file = "../src/a.c" },
            new { directory = build, arguments = new[] { "/usr/bin/cc", "-I/nowhere", "-isystem", _temp.Sub("gen"), "-I", "../include", "-O2", "-c", "-o", "CMakeFiles/b.dir/b.c.o", _temp.Sub("lib/b.c") }, file = _temp.Sub("lib/b.c") });

        foreach (var (name, json) in new[] { ("cmake", cmake), ("bear", bear) })
        {
            var path = Write($"{name}.json", json);
            var result = CompileCommandsImporter.Import(path, _temp.Sub("out-" + name));
            var manifest = File.ReadAllText(result.ManifestPath);

            Assert.Equal(2, result.Objects);
            Assert.Equal(2, result.FlagSets);
            Assert.Equal(4, result.Headers); // a.h, pub.h, deep.h, cfg.h
            Assert.Equal(3 + 2, result.HeaderEdges); // a.o: a.h pub.h deep.h; b.o: cfg.h pub.h
            Assert.Contains("build build/CMakeFiles/a.dir/a.c.o: Object src/a.c", manifest, StringComparison.Ordinal);
            Assert.Contains("CPPPATH = include", manifest, StringComparison.Ordinal);
            Assert.Contains("CPPDEFINES = NDEBUG", manifest, StringComparison.Ordinal);
            Assert.Contains("CFLAGS = -c '-DNAME=\"two words\"'", manifest, StringComparison.Ordinal);
            Assert.Contains("CPPPATH = gen include", manifest, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[{\"directory\": \"/x\", \"file\": \"a.c\"", "2:1", "not valid JSON")]
    [InlineData("{\"directory\": \"/x\"}", "$", "expected an array")]
    [InlineData("[{\"file\": \"a.c\", \"command\": \"cc a.c\"}]", "$[0]", "has no 'directory'")]
    [InlineData("[{\"directory\": \"/x\", \"file\": \"a.c\"}]", "$[0]", "neither 'command' nor 'arguments'")]
    [InlineData("[{\"directory\": \"/x\", \"file\": 7, \"command\": \"cc\"}]", "$[0].file", "expected a non-empty string, found a number")]
    [InlineData("[{\"directory\": \"/x\", \"file\": \"a.c\", \"arguments\": [\"cc\", 1]}]", "$[0].arguments[1]", "found a number")]
    [InlineData("[{\"directory\": \"/x\", \"file\": \"a.c\", \"command\": \"cc 'a.c\"}]", "$[0].command", "unclosed single quote")]
    [InlineData("[{\"directory\": \"x\", \"file\": \"a.c\", \"command\": \"cc a.c\"}]", "$[0].directory", "not an absolute path")]
    [InlineData("[1]", "$[0]", "expected an object")]
    public void A_malformed_database_names_file_line_or_json_path_and_reason(string json, string where, string reason)
    {
        var path = Write("bad.json", json.Replace("\\n", "\n", StringComparison.Ordinal) + (where == "2:1" ? "\n" : ""));
        var error = Assert.Throws<CompileCommandsException>(() => CompileCommandsImporter.Import(path, _temp.Sub("out")));

        Assert.IsAssignableFrom<UserErrorException>(error);
        Assert.StartsWith($"{path}:{where}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_special_file_is_refused_before_it_is_read()
    {
        Assert.Contains("is a directory", Assert.Throws<CompileCommandsException>(() => CompileCommandsImporter.Import(_temp.Path, _temp.Sub("out"))).Message, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains("character device", Assert.Throws<CompileCommandsException>(() => CompileCommandsImporter.Import("/dev/zero", _temp.Sub("out"))).Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static string Json(params object[] entries) => JsonSerializer.Serialize(entries);

    private string Write(string relative, string text)
    {
        var path = _temp.Sub(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
