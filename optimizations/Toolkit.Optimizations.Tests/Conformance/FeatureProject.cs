using System.Globalization;
using System.Text;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// A hand-made C project that uses every feature a store must keep, in the layout of the measurement
/// projects (directories of sources, local headers, shared headers in include/, a library per directory,
/// a program): per-directory environments with their own flags; local and shared headers that include each
/// other (transitive implicit edges); ignored headers; libraries with explicit dependencies, order-only
/// prerequisites and side effects; a two-target Object statement (a failure of its first target leaves the
/// second skipped); a two-target Command with an override and a side effect; Copy statements; aliases (one
/// nested in a path-like name, one under an existing directory's path, one naming another alias); nested
/// directories; and, when <see cref="Unicode"/>, a directory, headers and sources with non-ASCII names.
/// Directory 0 is always "d0" (flat, ASCII), so that tests can name its files. The same arguments always
/// give the same manifest and files.
/// </summary>
internal sealed class FeatureProject
{
    private const int SharedHeaders = 4;
    private const int LocalHeaders = 3;

    private readonly List<string> _directories = [];

    public FeatureProject(int directories, int sourcesPerDirectory, int seed, int depth = 1, bool unicode = false)
    {
        SourcesPerDirectory = sourcesPerDirectory;
        Seed = seed;
        Unicode = unicode;
        var random = new Random(seed);
        for (var d = 0; d < directories; d++)
        {
            var segments = new List<string> { unicode && d == directories - 1 && d > 0 ? $"dé_ünï_{d}" : $"d{d}" };
            var levels = d == 0 ? 1 : 1 + random.Next(depth);
            for (var k = 1; k < levels; k++)
            {
                segments.Add(unicode && k % 2 == 0 ? $"ебене{k}" : $"sub{k}");
            }

            _directories.Add(string.Join('/', segments));
        }
    }

    public int SourcesPerDirectory { get; }

    public int Seed { get; }

    public bool Unicode { get; }

    public IReadOnlyList<string> Directories => _directories;

    /// <summary>The project's name in failure messages.</summary>
    public string Name => $"features {_directories.Count}x{SourcesPerDirectory} seed {Seed}{(Unicode ? " unicode" : string.Empty)}";

    /// <summary>A header that the first source of every directory includes.</summary>
    public string IncludedHeader => Header(0, LocalHeaders - 1);

    /// <summary>A local header of directory <paramref name="d"/>; in the last directory of a unicode project the odd ones have Cyrillic names.</summary>
    public string Header(int d, int index) => $"{_directories[d]}/{HeaderName(d, index)}";

    /// <summary>A source of directory <paramref name="d"/>; in the last directory of a unicode project every third has a non-ASCII name.</summary>
    public string Source(int d, int index) => $"{_directories[d]}/{SourceName(d, index)}";

    /// <summary>The object built from a source.</summary>
    public string Object(int d, int index) => Source(d, index)[..^2] + ".o";

    /// <summary>Every file: sources, headers, inputs and the manifest ("toolkit.manifest").</summary>
    public Dictionary<string, byte[]> Tree()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Write(string path, string text) => files[path] = Encoding.UTF8.GetBytes(text);
        var random = new Random(Seed);
        for (var s = 0; s < SharedHeaders; s++)
        {
            var next = s + 1 < SharedHeaders && random.Next(2) == 0 ? $"#include <shared{s + 1}.h>\n" : string.Empty;
            Write($"include/shared{s}.h", $"#pragma once\n{next}int shared{s}(void);\n");
        }

        Write("gen/in.txt", "input\n");
        for (var d = 0; d < _directories.Count; d++)
        {
            for (var h = 0; h < LocalHeaders; h++)
            {
                var next = h + 1 < LocalHeaders && random.Next(2) == 0 ? $"#include \"{HeaderName(d, h + 1)}\"\n" : string.Empty;
                Write(Header(d, h), $"#pragma once\n{next}int local{d}_{h}(void);\n");
            }

            for (var i = 0; i < SourcesPerDirectory; i++)
            {
                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"#include \"{HeaderName(d, random.Next(LocalHeaders))}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"#include <shared{random.Next(SharedHeaders)}.h>\n");
                if (i % 5 == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"#include \"{HeaderName(d, LocalHeaders - 1)}\"\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"int f{d}_{i}(void) {{ return {i}; }}\n");
                Write(Source(d, i), text.ToString());
            }

            Write($"{_directories[d]}/spec.txt", $"spec {d}\n");
        }

        Write("bin/main.c", "#include <shared0.h>\nint main(void) { return 0; }\n");
        Write("toolkit.manifest", Manifest());
        return files;
    }

    /// <summary>Adds a source with a non-ASCII name to directory 0 and its object to the library (manifest and file).</summary>
    public static void AddSource(ConformanceRun run)
    {
        const string Path = "d0/added_ü.c";
        run.Files.WriteText(Path, "#include \"h0.h\"\nint added(void) { return 7; }\n");
        var before = run.Manifest;
        run.Manifest = before.Replace("build d0/libd0.a: Library ", $"build d0/added_ü.o: Object {Path}\nbuild d0/libd0.a: Library d0/added_ü.o ", StringComparison.Ordinal);
        Assert.NotEqual(before, run.Manifest);
    }

    private string Manifest()
    {
        var text = new StringBuilder("toolkit-manifest 2\nCFLAGS = -O2\nCPPPATH = include\n");
        var libraries = new List<string>();
        for (var d = 0; d < _directories.Count; d++)
        {
            var dir = _directories[d];
            text.Append(CultureInfo.InvariantCulture, $"env e{d}\n  CPPPATH = {dir} include\n  CFLAGS = -O{d % 3}\nuse e{d}\n");
            if (d == 0)
            {
                // Two targets from one source, first in the file, so that with one job it is the first to fail.
                text.Append(CultureInfo.InvariantCulture, $"build {dir}/two.o {dir}/two.lst: Object {Source(d, 0)}\n");
            }

            var objects = new List<string>();
            for (var i = 0; i < SourcesPerDirectory; i++)
            {
                objects.Add(Object(d, i));
                text.Append(CultureInfo.InvariantCulture, $"build {Object(d, i)}: Object {Source(d, i)}");
                text.Append(i == 0 ? " || gen/a.txt\n  ignore = include/shared1.h\n" : i % 4 == 3 ? $"\n  ignore = {Header(d, LocalHeaders - 1)}\n" : "\n");
            }

            var library = $"{dir}/lib{(d == 0 ? "d0" : d.ToString(CultureInfo.InvariantCulture))}.a";
            libraries.Add(library);
            text.Append(CultureInfo.InvariantCulture, $"build {library}: Library {string.Join(' ', objects)} | {Header(d, 0)}");
            text.Append(d % 2 == 0 ? $" {dir}/gen.h || {dir}/stamp.txt\n" : "\n");
            text.Append(CultureInfo.InvariantCulture, $"  side-effects = {dir}/lib.log\n");
            if (d % 2 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"build {dir}/gen.h {dir}/gen.txt: Command {dir}/spec.txt\n  COMMAND = gen $SOURCE $TARGETS\n  side-effects = {dir}/gen.log\n");
                text.Append(CultureInfo.InvariantCulture, $"build {dir}/stamp.txt: Copy {dir}/spec.txt\n");
            }
        }

        text.Append("use default\n");
        text.Append("build gen/a.txt gen/b.txt: Command gen/in.txt\n  COMMAND = gen $SOURCES $TARGETS\n");
        text.Append("build gen/copy.txt: Copy gen/b.txt\n");
        text.Append("build bin/main.o: Object bin/main.c\n");
        text.Append(CultureInfo.InvariantCulture, $"build bin/app: Program bin/main.o {string.Join(' ', libraries)}\n");
        text.Append(CultureInfo.InvariantCulture, $"alias group/libs: {string.Join(' ', libraries)}\n");
        text.Append("alias group/all: bin/app group/libs\n");
        text.Append(CultureInfo.InvariantCulture, $"alias {_directories[0]}/everything: bin/app\n");
        // Every target in the default build, the later targets of multi-target statements too.
        var generated = string.Concat(_directories.Where((_, d) => d % 2 == 0).Select(dir => $" {dir}/gen.txt"));
        text.Append(CultureInfo.InvariantCulture, $"alias all: bin/app gen/copy.txt gen/a.txt d0/two.o d0/two.lst{generated}\n");
        text.Append("default all\n");
        text.Append("end\n");
        return text.ToString();
    }

    private string HeaderName(int d, int index) => Unicode && d == _directories.Count - 1 && d > 0 && index % 2 == 1 ? $"заголовок{index}.h" : $"h{index}.h";

    private string SourceName(int d, int index) => Unicode && d == _directories.Count - 1 && d > 0 && index % 3 == 2 ? $"файл_名前{index}.c" : $"s{index}.c";
}
