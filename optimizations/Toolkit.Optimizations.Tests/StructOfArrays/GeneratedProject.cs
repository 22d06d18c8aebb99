using System.Text;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>
/// A generated C project in memory that uses every feature a store must keep: nested directories
/// (optionally with non-ASCII names), per-directory environments, local and shared headers that
/// include each other (transitive implicit edges), ignored headers, libraries with explicit and
/// order-only dependencies, a two-target Command statement with a side effect and an override,
/// aliases (one with a '/' in its name, one under an existing directory's path) and a program.
/// The same shape and seed always give the same manifest and files.
/// </summary>
public sealed class GeneratedProject
{
    private const int SharedHeaders = 4;
    private const int LocalHeaders = 5;

    private readonly ProjectShape _shape;
    private readonly List<string> _directories = [];
    private readonly List<List<string>> _extraSources = [];

    /// <summary>Generates the project's files into a new memory file system.</summary>
    public GeneratedProject(ProjectShape shape)
    {
        _shape = shape;
        var random = new Random(shape.Seed);
        for (var d = 0; d < shape.Directories; d++)
        {
            var depth = 1 + random.Next(shape.MaxDepth);
            var segments = new List<string> { (shape.Unicode && d % 2 == 1 ? "módulo_ñ" : "lib") + d };
            for (var k = 1; k < depth; k++)
            {
                segments.Add(shape.Unicode && k % 2 == 0 ? $"ебене{k}" : $"sub{k}");
            }

            _directories.Add(string.Join('/', segments));
            _extraSources.Add([]);
        }

        WriteFiles(random);
    }

    /// <summary>The files.</summary>
    public MemoryFileSystem Files { get; } = new();

    /// <summary>The directory paths, one per library.</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>A header of directory <paramref name="d"/>.</summary>
    public string Header(int d, int index) => $"{_directories[d]}/{HeaderName(index)}";

    /// <summary>A header that the first source of every directory includes (and a quarter of the objects ignore).</summary>
    public string IncludedHeader(int d) => Header(d, LocalHeaders - 1);

    /// <summary>A source of directory <paramref name="d"/>.</summary>
    public string Source(int d, int index) => $"{_directories[d]}/{SourceName(index)}";

    /// <summary>The object built from a source of directory <paramref name="d"/>.</summary>
    public string Object(int d, int index) => $"{_directories[d]}/{ObjectName(index)}";

    /// <summary>The input of directory <paramref name="d"/>'s generator statement.</summary>
    public string Spec(int d) => $"{_directories[d]}/spec.txt";

    /// <summary>Adds a source to directory <paramref name="d"/> (file and, in <see cref="Manifest"/>, its object).</summary>
    public string AddSource(int d, string name)
    {
        var path = $"{_directories[d]}/{name}.c";
        Files.WriteText(path, $"#include \"{HeaderName(0)}\"\nint {Identifier(name)}(void) {{ return 7; }}\n");
        _extraSources[d].Add(name);
        return path;
    }

    /// <summary>The manifest text for the current set of sources.</summary>
    public string Manifest()
    {
        var text = new StringBuilder();
        text.Append("toolkit-manifest 2\nCFLAGS = -O2\nCPPPATH = include\n\n");
        var libraries = new List<string>();
        for (var d = 0; d < _directories.Count; d++)
        {
            var dir = _directories[d];
            text.Append($"env e{d}\n  CPPPATH = {dir} include\n  CFLAGS = -O{d % 3}\nuse e{d}\n");
            var objects = new List<string>();
            if (d == 0)
            {
                // Two targets from one source: a failure of the first leaves the second skipped
                // (it comes first, so that with one job it is the first to fail).
                text.Append($"build {dir}/two.o {dir}/two.lst: Object {Source(d, 0)}\n");
            }

            for (var i = 0; i < _shape.SourcesPerDirectory; i++)
            {
                objects.Add(Object(d, i));
                text.Append($"build {Object(d, i)}: Object {Source(d, i)}\n");
                if (i % 4 == 1)
                {
                    text.Append($"  ignore = {Header(d, LocalHeaders - 1)}\n");
                }
            }

            foreach (var extra in _extraSources[d])
            {
                objects.Add($"{dir}/{extra}.o");
                text.Append($"build {dir}/{extra}.o: Object {dir}/{extra}.c\n");
            }

            var library = $"{dir}/lib{d}.a";
            libraries.Add(library);
            text.Append($"build {library}: Library {string.Join(' ', objects)}");
            if (d % 2 == 0)
            {
                text.Append($" | {dir}/gen.h || {dir}/stamp.txt\n");
                text.Append($"build {dir}/gen.h {dir}/gen.txt: Command {Spec(d)}\n  COMMAND = gen $SOURCE $TARGETS\n  side-effects = {dir}/gen.log\n");
                text.Append($"build {dir}/stamp.txt: Copy {Spec(d)}\n");
            }
            else
            {
                text.Append('\n');
            }
        }

        text.Append("use default\nbuild bin/main.o: Object bin/main.c\n");
        text.Append($"build bin/app: Program bin/main.o {string.Join(' ', libraries)}\n");
        text.Append($"alias libs: {string.Join(' ', libraries)}\n");
        text.Append("alias group/all: bin/app libs\n");
        text.Append($"alias {_directories[0]}/everything: bin/app\n");
        text.Append("alias all: bin/app\n");
        text.Append("end\n");
        return text.ToString();
    }

    private void WriteFiles(Random random)
    {
        for (var s = 0; s < SharedHeaders; s++)
        {
            var next = s + 1 < SharedHeaders && random.Next(2) == 0 ? $"#include <shared{s + 1}.h>\n" : string.Empty;
            Files.WriteText($"include/shared{s}.h", $"#pragma once\n{next}int shared{s}(void);\n");
        }

        for (var d = 0; d < _directories.Count; d++)
        {
            for (var h = 0; h < LocalHeaders; h++)
            {
                var body = new StringBuilder("#pragma once\n");
                if (h + 1 < LocalHeaders && random.Next(3) == 0)
                {
                    body.Append($"#include \"{HeaderName(h + 1)}\"\n");
                }

                body.Append($"int local{d}_{h}(void);\n");
                Files.WriteText(Header(d, h), body.ToString());
            }

            for (var i = 0; i < _shape.SourcesPerDirectory; i++)
            {
                var body = new StringBuilder();
                var locals = 1 + random.Next(3);
                for (var k = 0; k < locals; k++)
                {
                    body.Append($"#include \"{HeaderName(random.Next(LocalHeaders))}\"\n");
                }

                body.Append($"#include <shared{random.Next(SharedHeaders)}.h>\n");
                if (i % 5 == 0)
                {
                    body.Append($"#include \"{HeaderName(LocalHeaders - 1)}\"\n");
                }

                body.Append($"int f{d}_{i}(void) {{ return {i}; }}\n");
                Files.WriteText(Source(d, i), body.ToString());
            }

            Files.WriteText(Spec(d), $"spec {d}\n");
        }

        Files.WriteText("bin/main.c", "#include <shared0.h>\nint main(void) { return 0; }\n");
    }

    private string HeaderName(int index) => _shape.Unicode && index % 2 == 1 ? $"заголовок{index}.h" : $"h{index}.h";

    private string SourceName(int index) => _shape.Unicode && index % 3 == 2 ? $"файл_名前{index}.c" : $"s{index}.c";

    private string ObjectName(int index) => Path.ChangeExtension(SourceName(index), ".o");

    private static string Identifier(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
