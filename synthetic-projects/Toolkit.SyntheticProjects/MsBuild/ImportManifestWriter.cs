using System.Text;
using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Writes the imported static graph as a manifest: a <c>root</c> statement (the common directory
/// of the input and every path written), then one statement per ProjectGraph node, dependencies
/// first. An inner or single build is a <c>Command</c> build whose output is its TargetPath, whose
/// sources are its Compile items, whose dependencies (<c>|</c>) are its project file and the outputs
/// it builds against, and whose other ProjectGraph edges are order-only (<c>||</c>), see
/// <see cref="NodeDependencies"/>. An outer build, and a project that defines no TargetPath, is an
/// alias (<c>PROJECT.outer</c>, <c>PROJECT.build</c>) of what it depends on. Every ProjectGraph edge
/// between written nodes is one manifest edge. <c>default</c> lists every node.
/// </summary>
internal static class ImportManifestWriter
{
    private const string Builder = "Command";

    public static WrittenManifest Write(string manifestPath, string inputPath, ImportedGraph graph, List<MsBuildImportFailure> failures)
    {
        var nodes = graph.Nodes;
        var inputDirectory = Directory.Exists(inputPath) ? inputPath : Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var root = ManifestPaths.CommonDirectory(inputDirectory, nodes.Where(n => n.Failure is null).SelectMany(AllPaths));
        var names = NameNodes(root, nodes, failures);
        var ordered = DependenciesFirst(nodes, names);

        var counts = new WrittenCounts();
        using var text = new StreamWriter(manifestPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        using var writer = new ManifestWriter(text);
        var rootToken = ManifestPaths.RootToken(Path.GetDirectoryName(manifestPath)!, root);
        if (rootToken is not null)
        {
            writer.Root(rootToken);
        }

        writer.Comment($"imported by toolkit import-msbuild from {Path.GetFullPath(inputPath)}\nroot: {root}\none statement per ProjectGraph node: inner and single builds are Command builds of their TargetPath,\nouter builds and projects without TargetPath are aliases; edges to other frameworks' builds are order-only");
        var dependencies = new NodeDependencies(nodes, target => names[target] is not null);
        foreach (var id in ordered)
        {
            WriteNode(writer, root, nodes, names, id, dependencies, counts);
        }

        writer.BlankLine();
        if (ordered.Count > 0)
        {
            writer.Default([.. ordered.Select(id => names[id]!)]);
        }

        writer.End();

        return new WrittenManifest(root, ordered.Count, counts.Edges, counts.Dependencies, counts.CompileItems, [.. ordered.Select(id => nodes[id].ProjectPath).Distinct(ManifestPaths.Comparer)]);
    }

    private static void WriteNode(ManifestWriter writer, string root, IReadOnlyList<ImportedNode> nodes, string?[] names, int id, NodeDependencies dependencies, WrittenCounts counts)
    {
        var node = nodes[id];
        var notes = new List<string>();
        var (dependsOn, orderOnlyOn) = dependencies.Split(id, notes);
        foreach (var edge in node.References.Where(edge => names[edge.Target] is null))
        {
            notes.Add($"edge to {nodes[edge.Target].Describe()} left out (that node failed to import)");
        }

        var projectFile = ManifestPaths.Relative(root, node.ProjectPath);
        var compileItems = node.CompileItems.Select(path => ManifestPaths.Relative(root, path)).ToList();
        var depends = dependsOn.Select(target => names[target]!).ToList();
        var orderOnly = orderOnlyOn.Select(target => names[target]!).ToList();
        counts.Edges += depends.Count + orderOnly.Count;
        counts.Dependencies += depends.Count;
        counts.CompileItems += compileItems.Count;

        writer.BlankLine();
        writer.Comment($"{node.Describe()}{(node.ExtraGlobalProperties.Length > 0 ? $" [{node.ExtraGlobalProperties}]" : "")}");
        foreach (var note in notes)
        {
            writer.Comment(note);
        }

        if (node.Kind == ImportedNodeKind.Outer || node.TargetPath.Length == 0)
        {
            List<string> members = node.Kind == ImportedNodeKind.Outer ? [.. depends, .. orderOnly] : [projectFile, .. compileItems, .. depends, .. orderOnly];
            writer.Alias(names[id]!, members.Count > 0 ? members : [projectFile]);
            return;
        }

        writer.Build([names[id]!], Builder, compileItems, [projectFile, .. depends], orderOnly, overrides: [new("COMMAND", Command(projectFile, node.TargetFramework))]);
    }

    private static IEnumerable<string> AllPaths(ImportedNode node)
    {
        IEnumerable<string> paths = node.CompileItems.Append(node.ProjectPath);
        return node.TargetPath.Length > 0 ? paths.Append(node.TargetPath) : paths;
    }

    /// <summary>Each accepted node's manifest name (its output, or its alias); null for a failed node or one whose output another node already builds (both reported).</summary>
    private static string?[] NameNodes(string root, IReadOnlyList<ImportedNode> nodes, List<MsBuildImportFailure> failures)
    {
        var names = new string?[nodes.Count];
        var owners = new Dictionary<string, int>(ManifestPaths.Comparer);
        var reported = new HashSet<(string, string)>();
        for (var id = 0; id < nodes.Count; id++)
        {
            var node = nodes[id];
            if (node.Failure is not null)
            {
                if (reported.Add((node.ProjectPath, node.Failure)))
                {
                    failures.Add(new MsBuildImportFailure(node.ProjectPath, node.Failure));
                }

                continue;
            }

            var projectFile = ManifestPaths.Relative(root, node.ProjectPath);
            var isAlias = node.Kind == ImportedNodeKind.Outer || node.TargetPath.Length == 0;
            var name = isAlias
                ? $"{projectFile}.{(node.Kind == ImportedNodeKind.Outer ? "outer" : node.TargetFramework.Length > 0 ? node.TargetFramework : "build")}"
                : ManifestPaths.Relative(root, node.TargetPath);
            var invalid = node.CompileItems.Select(path => ManifestPaths.Relative(root, path)).Prepend(name).Prepend(projectFile).FirstOrDefault(path => !ManifestWriter.IsValidPath(path));
            if (invalid is not null)
            {
                failures.Add(new MsBuildImportFailure(node.ProjectPath, $"path '{invalid}' holds a control character or a reserved token, which a manifest path cannot hold"));
                continue;
            }

            if (isAlias)
            {
                for (var n = 2; owners.ContainsKey(name); n++)
                {
                    name = $"{projectFile}.{(node.Kind == ImportedNodeKind.Outer ? "outer" : "build")}{n}";
                }
            }
            else if (owners.TryGetValue(name, out var other))
            {
                failures.Add(new MsBuildImportFailure(node.ProjectPath, $"{node.Describe()} [{node.ExtraGlobalProperties}] builds {name}, already the output of {nodes[other].Describe()} [{nodes[other].ExtraGlobalProperties}]; left out"));
                continue;
            }

            owners.Add(name, id);
            names[id] = name;
        }

        return names;
    }

    /// <summary>The written nodes, each after the nodes it has edges to (ProjectGraph has refused cycles already).</summary>
    private static List<int> DependenciesFirst(IReadOnlyList<ImportedNode> nodes, string?[] names)
    {
        var placed = new bool[nodes.Count];
        var ordered = new List<int>(nodes.Count);
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < nodes.Count; start++)
        {
            if (names[start] is null || placed[start])
            {
                continue;
            }

            placed[start] = true;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var references = nodes[node].References;
                if (next < references.Count)
                {
                    stack.Push((node, next + 1));
                    var child = references[next].Target;
                    if (names[child] is not null && !placed[child])
                    {
                        placed[child] = true;
                        stack.Push((child, 0));
                    }
                }
                else
                {
                    ordered.Add(node);
                }
            }
        }

        return ordered;
    }

    private static string Command(string projectFile, string framework)
    {
        var quoted = projectFile.Contains(' ', StringComparison.Ordinal) || projectFile.Contains('\'', StringComparison.Ordinal)
            ? "'" + projectFile.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : projectFile;
        var frameworkSwitch = framework.Length > 0 ? $" --framework {framework}" : "";
        // '$' starts a substitution in manifest values; a literal one is written '$$'.
        return $"dotnet build {quoted} --no-restore --no-dependencies{frameworkSwitch}".Replace("$", "$$", StringComparison.Ordinal);
    }

    private sealed class WrittenCounts
    {
        public int Edges { get; set; }

        public int Dependencies { get; set; }

        public int CompileItems { get; set; }
    }
}
