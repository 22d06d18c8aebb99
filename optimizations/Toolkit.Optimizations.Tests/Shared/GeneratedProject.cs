using System.Globalization;
using System.Text;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>
/// A generated C project in memory, shaped like the measurement projects (directories of sources, local
/// headers, shared headers in include/, a library per directory, a program) plus everything a store must
/// get right: a multi-target Command statement, a Copy, aliases (one nested in a path-like name), ignore,
/// side-effects and order-only prerequisites, explicit depends, and a directory and files with
/// non-ASCII names. The same seed gives the same manifest and files.
/// </summary>
internal sealed class GeneratedProject
{
    private const int SharedHeaders = 4;
    private const int LocalHeaders = 3;

    public GeneratedProject(int directories, int sourcesPerDirectory, int seed)
    {
        Directories = directories;
        SourcesPerDirectory = sourcesPerDirectory;
        Seed = seed;
        Manifest = BuildManifest();
    }

    public int Directories { get; }

    public int SourcesPerDirectory { get; }

    public int Seed { get; }

    public string Manifest { get; private set; }

    /// <summary>The directory name for an index; the last one has non-ASCII characters.</summary>
    public string Directory(int index) => index == Directories - 1 ? $"dé_ünï_{index}" : $"d{index}";

    /// <summary>A source name; every third one in the last directory is Cyrillic.</summary>
    public string Source(int directory, int index) =>
        index % 3 == 2 && directory == Directories - 1 ? $"{Directory(directory)}/файл_{index}.c" : $"{Directory(directory)}/s{index}.c";

    /// <summary>Writes every source and header into a file system.</summary>
    public void WriteFiles(MemoryFileSystem files)
    {
        var random = new Random(Seed);
        for (var i = 0; i < SharedHeaders; i++)
        {
            files.WriteText($"include/shared{i}.h", $"#pragma once\nint shared{i}(void);\n");
        }

        files.WriteText("gen/in.txt", "input\n");
        for (var d = 0; d < Directories; d++)
        {
            for (var h = 0; h < LocalHeaders; h++)
            {
                var next = h + 1 < LocalHeaders && random.Next(2) == 0 ? $"#include \"h{h + 1}.h\"\n" : string.Empty;
                files.WriteText($"{Directory(d)}/h{h}.h", $"#pragma once\n{next}int h{h}(void);\n");
            }

            for (var s = 0; s < SourcesPerDirectory; s++)
            {
                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"#include \"h{random.Next(LocalHeaders)}.h\"\n");
                text.Append(CultureInfo.InvariantCulture, $"#include <shared{random.Next(SharedHeaders)}.h>\n");
                text.Append(CultureInfo.InvariantCulture, $"int f{s}(void) {{ return {s}; }}\n");
                files.WriteText(Source(d, s), text.ToString());
            }
        }

        files.WriteText("bin/main.c", "#include <shared0.h>\nint main(void) { return 0; }\n");
    }

    /// <summary>Adds one more source to the first directory (manifest and file).</summary>
    public void AddSource(MemoryFileSystem files)
    {
        var path = $"{Directory(0)}/added.c";
        files.WriteText(path, "#include \"h0.h\"\nint added(void) { return 7; }\n");
        Manifest = Manifest
            .Replace($"build {Directory(0)}/lib{Directory(0)}.a: Library ", $"build {Directory(0)}/added.o: Object {path}\nbuild {Directory(0)}/lib{Directory(0)}.a: Library {Directory(0)}/added.o ", StringComparison.Ordinal);
    }

    private string BuildManifest()
    {
        var text = new StringBuilder();
        text.Append("toolkit-manifest 2\nCFLAGS = -O2\nCPPPATH = include\n");
        for (var d = 0; d < Directories; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"env e{d}\n  CPPPATH = {Directory(d)} include\n");
        }

        var libraries = new List<string>();
        for (var d = 0; d < Directories; d++)
        {
            var dir = Directory(d);
            text.Append(CultureInfo.InvariantCulture, $"use e{d}\n");
            var objects = new List<string>();
            for (var s = 0; s < SourcesPerDirectory; s++)
            {
                var source = Source(d, s);
                var obj = source[..^2] + ".o";
                objects.Add(obj);
                text.Append(CultureInfo.InvariantCulture, $"build {obj}: Object {source}");
                if (s == 0)
                {
                    text.Append(" || gen/a.txt\n  ignore = include/shared1.h\n");
                }
                else
                {
                    text.Append('\n');
                }
            }

            var library = $"{dir}/lib{dir}.a";
            libraries.Add(library);
            text.Append(CultureInfo.InvariantCulture, $"build {library}: Library {string.Join(' ', objects)} | {dir}/h0.h\n  side-effects = {dir}/lib.log\n");
        }

        text.Append("use default\n");
        text.Append("build gen/a.txt gen/b.txt: Command gen/in.txt\n  COMMAND = gen $SOURCES $TARGETS\n");
        text.Append("build gen/copy.txt: Copy gen/b.txt\n");
        text.Append("build bin/main.o: Object bin/main.c\n");
        text.Append(CultureInfo.InvariantCulture, $"build bin/app: Program bin/main.o {string.Join(' ', libraries)}\n");
        text.Append("alias all: bin/app gen/copy.txt\n");
        text.Append(CultureInfo.InvariantCulture, $"alias group/libs: {string.Join(' ', libraries)}\n");
        text.Append("default all\n");
        text.Append("end\n");
        return text.ToString();
    }
}
