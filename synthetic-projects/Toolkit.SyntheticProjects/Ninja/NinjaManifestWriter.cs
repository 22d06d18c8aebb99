using System.Text;
using Toolkit.Engine.Manifest;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// Writes an imported ninja graph as a manifest: a <c>root</c> statement (the common directory of
/// the build directory and every path, system headers included), the phony statements with inputs
/// as aliases (each after the aliases it names), then one <c>Command</c> build per statement in file
/// order: outputs (implicit ones too) as targets, explicit inputs as sources, implicit inputs and
/// header dependencies after <c>|</c>, order-only inputs after <c>||</c>, the command line as
/// <c>COMMAND</c> (run from the build directory, as ninja runs it). <c>default</c> as ninja's.
/// </summary>
internal static class NinjaManifestWriter
{
    private const string Builder = "Command";

    /// <summary>Writes the manifest; returns its root directory.</summary>
    public static string Write(string manifestPath, string input, NinjaGraph graph, List<NinjaStatement> statements, List<string> warnings)
    {
        var absolute = new Dictionary<string, string>(StringComparer.Ordinal);
        string Absolute(string path)
        {
            if (!absolute.TryGetValue(path, out var full))
            {
                full = Path.GetFullPath(path, graph.BuildDirectory);
                absolute.Add(path, full);
            }

            return full;
        }

        var root = ManifestPaths.CommonDirectory(graph.BuildDirectory, graph.Nodes.Select(Absolute).Concat(statements.SelectMany(s => s.HeaderDependencies).Select(Absolute)));
        var relative = new Dictionary<string, string>(StringComparer.Ordinal);
        var dropped = DroppedDirectories(graph, Absolute, warnings);
        List<string> Names(IEnumerable<string> paths, NinjaEdge edge) => [.. paths.Where(path => !dropped.Contains(path)).Select(path => ManifestName(path, edge))];
        string ManifestName(string path, NinjaEdge edge)
        {
            if (!relative.TryGetValue(path, out var name))
            {
                name = ManifestPaths.Relative(root, Absolute(path));
                if (!ManifestWriter.IsValidPath(name) || name == "." || name.StartsWith("../", StringComparison.Ordinal))
                {
                    throw new NinjaException(edge.File, edge.Line, $"path '{path}' cannot be written as a manifest path ('{name}': a control character, or the root itself)");
                }

                relative.Add(path, name);
            }

            return name;
        }

        using var text = new StreamWriter(manifestPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        using var writer = new ManifestWriter(text);
        if (ManifestPaths.RootToken(Path.GetDirectoryName(manifestPath)!, root) is { } rootToken)
        {
            writer.Root(rootToken);
        }

        writer.Comment($"imported by toolkit import-ninja from {input}\nroot: {root}\nbuild directory (where ninja runs the commands): {graph.BuildDirectory}");
        foreach (var phony in PhonyInOrder(graph))
        {
            var edge = graph.Edges[phony];
            if (dropped.Contains(edge.Outputs[0]))
            {
                continue;
            }

            foreach (var output in edge.Outputs)
            {
                writer.Alias(ManifestName(output, edge), Names(edge.Inputs, edge));
            }
        }

        WriteStatements(writer, statements, Names);

        // A default that only a phony statement without inputs names is no statement of the manifest: left out.
        var defaults = graph.Defaults.Where(path => !dropped.Contains(path) && graph.Producers.TryGetValue(path, out var producer) && (!graph.Edges[producer].IsPhony || graph.Edges[producer].Inputs.Count > 0)).Distinct(StringComparer.Ordinal).ToList();
        if (defaults.Count > 0)
        {
            writer.Default([.. defaults.Select(path => ManifestName(path, graph.Edges[graph.Producers[path]]))]);
        }

        writer.End();
        return root;
    }

    private static void WriteStatements(ManifestWriter writer, List<NinjaStatement> statements, Func<IEnumerable<string>, NinjaEdge, List<string>> names)
    {
        foreach (var statement in statements)
        {
            var edge = statement.Edge;
            // Header dependencies name files as the compiler spelt them: one may be an input (or an
            // output) written another way (absolute here, relative there); each file is listed once.
            var sources = names(edge.Inputs.Take(edge.ExplicitInputs), edge);
            var orderOnly = names(edge.Inputs.Skip(edge.ExplicitInputs + edge.ImplicitInputs), edge);
            var listed = new HashSet<string>(sources, StringComparer.Ordinal);
            listed.UnionWith(orderOnly);
            // CMake names some outputs twice, relative and absolute (${cmake_ninja_workdir}): one file, one target.
            var targets = names(edge.Outputs, edge).Distinct(StringComparer.Ordinal).ToList();
            listed.UnionWith(targets);
            var depends = names(edge.Inputs.Skip(edge.ExplicitInputs).Take(edge.ImplicitInputs).Concat(statement.HeaderDependencies), edge).Where(listed.Add).ToList();
            writer.Build(
                targets,
                Builder,
                sources,
                depends,
                orderOnly,
                overrides: [new("COMMAND", ManifestValue(statement.Command))]);
        }
    }

    /// <summary>
    /// The inputs left out: existing directories that nothing builds (CMake's object-order phony
    /// targets name CMakeFiles/X.dir; ninja stats a directory like a file, the engine has no
    /// directory sources), and the phony targets that named nothing else.
    /// </summary>
    private static HashSet<string> DroppedDirectories(NinjaGraph graph, Func<string, string> absolute, List<string> warnings)
    {
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in graph.Nodes)
        {
            if (!graph.Producers.ContainsKey(path) && Directory.Exists(absolute(path)))
            {
                dropped.Add(path);
            }
        }

        var directories = dropped.Count;
        foreach (var phony in PhonyInOrder(graph))
        {
            var edge = graph.Edges[phony];
            if (edge.Inputs.All(dropped.Contains))
            {
                dropped.UnionWith(edge.Outputs);
            }
        }

        if (dropped.Count > 0)
        {
            warnings.Add($"{directories} inputs are directories nothing builds, and {dropped.Count - directories} phony targets named only those: left out (the engine has no directory sources)");
        }

        return dropped;
    }

    /// <summary>A command line as a manifest value: '$' doubled (the manifest substitutes '$NAME'), a line break (from $in_newline) a space.</summary>
    private static string ManifestValue(string command) =>
        command.Replace("$", "$$", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>The phony statements with inputs, each after the phony statements its inputs name; a cycle among them is refused as ninja refuses it.</summary>
    private static List<int> PhonyInOrder(NinjaGraph graph)
    {
        var state = new byte[graph.Edges.Count]; // 0 unseen, 1 on the stack, 2 written
        var ordered = new List<int>();
        var stack = new Stack<(int Edge, int Next)>();
        for (var start = 0; start < graph.Edges.Count; start++)
        {
            if (!graph.Edges[start].IsPhony || graph.Edges[start].Inputs.Count == 0 || state[start] != 0)
            {
                continue;
            }

            state[start] = 1;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (edge, next) = stack.Pop();
                var inputs = graph.Edges[edge].Inputs;
                if (next == inputs.Count)
                {
                    state[edge] = 2;
                    ordered.Add(edge);
                    continue;
                }

                stack.Push((edge, next + 1));
                if (graph.Producers.TryGetValue(inputs[next], out var child) && graph.Edges[child].IsPhony && graph.Edges[child].Inputs.Count > 0)
                {
                    if (state[child] == 1)
                    {
                        var cycle = stack.Select(s => graph.Edges[s.Edge].Outputs[0]).Reverse().SkipWhile(o => o != graph.Edges[child].Outputs[0]).Append(graph.Edges[child].Outputs[0]);
                        throw new NinjaException(graph.Edges[child].File, graph.Edges[child].Line, $"dependency cycle: {string.Join(" -> ", cycle)}");
                    }

                    if (state[child] == 0)
                    {
                        state[child] = 1;
                        stack.Push((child, 0));
                    }
                }
            }
        }

        return ordered;
    }
}
