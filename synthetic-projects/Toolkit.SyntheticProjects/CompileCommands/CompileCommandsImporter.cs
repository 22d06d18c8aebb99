using System.Diagnostics;
using System.Text;
using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Manifest;
using Toolkit.SyntheticProjects.MsBuild;
using Toolkit.SyntheticProjects.Ninja;

namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>
/// Imports a compile_commands.json as a manifest: one <c>Object</c> build per entry (its output,
/// or FILE.o when the entry names none), in an environment per distinct flag set holding the
/// compiler (<c>CC</c>), the include path (<c>CPPPATH</c>), the defines (<c>CPPDEFINES</c>) and the other
/// flags (<c>CFLAGS</c>, shell-quoted), so the engine's own include scanner finds each source's
/// headers with that source's flags. Then opens the manifest with the engine to count them.
/// </summary>
public static class CompileCommandsImporter
{
    /// <summary>Imports <paramref name="compileCommands"/> into <paramref name="outputDirectory"/>/toolkit.manifest.</summary>
    /// <exception cref="CompileCommandsException">The file cannot be read or is not a compilation database.</exception>
    public static CompileCommandsResult Import(string compileCommands, string outputDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var input = Path.GetFullPath(compileCommands);
        var entries = CompileCommandsReader.Read(input);
        var warnings = new List<string>();
        var root = ManifestPaths.CommonDirectory(Path.GetDirectoryName(input)!, entries.SelectMany(e => e.IncludeDirectories.Append(e.Source).Append(e.Output)));
        Directory.CreateDirectory(outputDirectory);
        var manifestPath = Path.Combine(Path.GetFullPath(outputDirectory), ManifestWriter.FileName);
        var (objects, flagSets) = Write(manifestPath, input, root, entries, warnings);

        var project = Project.Open(Path.GetDirectoryName(manifestPath)!, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false });
        var store = project.Graph.Store;
        var headers = 0;
        long headerEdges = 0;
        for (var node = 0; node < store.Count; node++)
        {
            headers += store.GetKind(node) == NodeKind.Header ? 1 : 0;
            headerEdges += store.EdgeCount(node, EdgeKind.Implicit);
        }

        return new CompileCommandsResult
        {
            ManifestPath = manifestPath,
            RootDirectory = root,
            Entries = entries.Count,
            Objects = objects,
            Sources = entries.Select(e => e.Source).Distinct(StringComparer.Ordinal).Count(),
            FlagSets = flagSets,
            Headers = headers,
            HeaderEdges = headerEdges,
            Warnings = warnings,
            Elapsed = stopwatch.Elapsed,
        };
    }

    private static (int Objects, int FlagSets) Write(string manifestPath, string input, string root, List<CompileEntry> entries, List<string> warnings)
    {
        var environments = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var objects = 0;
        using var text = new StreamWriter(manifestPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        using var writer = new ManifestWriter(text);
        if (ManifestPaths.RootToken(Path.GetDirectoryName(manifestPath)!, root) is { } rootToken)
        {
            writer.Root(rootToken);
        }

        writer.Comment($"imported by toolkit import-compdb from {input}\nroot: {root}\none Object build per entry, in an environment per flag set; headers are found by the engine's scanner");
        foreach (var entry in entries)
        {
            var output = ManifestPaths.Relative(root, entry.Output);
            var source = ManifestPaths.Relative(root, entry.Source);
            if (outputs.TryGetValue(output, out var first))
            {
                warnings.Add($"{input}:{entry.JsonPath}: {output} is already built by {first}; left out");
                continue;
            }

            if (!ManifestWriter.IsValidPath(output) || !ManifestWriter.IsValidPath(source))
            {
                throw new CompileCommandsException(input, entry.JsonPath, $"'{source}' or '{output}' holds a control character and cannot be a manifest path");
            }

            var variables = Variables(root, entry, input, warnings);
            var key = string.Join('\n', variables.Select(v => v.Value));
            if (!environments.TryGetValue(key, out var name))
            {
                name = $"flags_{environments.Count + 1}";
                environments.Add(key, name);
                writer.BlankLine();
                writer.Environment(name, variables);
            }

            writer.Use(name);
            writer.Build(output, "Object", source);
            outputs.Add(output, entry.JsonPath);
            objects++;
        }

        writer.End();
        return (objects, environments.Count);
    }

    private static List<KeyValuePair<string, string>> Variables(string root, CompileEntry entry, string input, List<string> warnings)
    {
        var flags = new List<string>(entry.OtherFlags.Select(NinjaPaths.ShellEscaped));
        var includePath = new List<string>();
        foreach (var directory in entry.IncludeDirectories)
        {
            var relative = ManifestPaths.Relative(root, directory);
            if (relative.Contains(' ', StringComparison.Ordinal) || relative.Contains('$', StringComparison.Ordinal))
            {
                // CPPPATH is split on white space: such a directory stays a flag, unseen by the scanner.
                warnings.Add($"{input}:{entry.JsonPath}: include directory '{directory}' holds a space or '$': kept as a flag, not searched by the scanner");
                flags.Add(NinjaPaths.ShellEscaped("-I" + directory));
            }
            else
            {
                includePath.Add(relative == "." ? "." : relative);
            }
        }

        var defines = new List<string>();
        foreach (var define in entry.Defines)
        {
            if (define.Length > 0 && define.All(c => c > ' ' && c is not '$' and not '\'' and not '"' and not '\\'))
            {
                defines.Add(define);
            }
            else
            {
                flags.Add(NinjaPaths.ShellEscaped("-D" + define)); // a define with a space or a quote stays a quoted flag
            }
        }

        return
        [
            new("CC", Escape(NinjaPaths.ShellEscaped(entry.Compiler))),
            new("CFLAGS", Escape(string.Join(' ', flags))),
            new("CPPPATH", string.Join(' ', includePath)),
            new("CPPDEFINES", string.Join(' ', defines)),
        ];
    }

    private static string Escape(string value) => value.Replace("$", "$$", StringComparison.Ordinal);
}
