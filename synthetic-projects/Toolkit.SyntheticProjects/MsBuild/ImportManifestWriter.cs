using System.Text;
using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Writes imported projects as a manifest: a <c>root</c> statement (the common directory of the
/// input and every path written), then one <c>Command</c> build per project, dependencies first,
/// whose output is the project's assembly, whose sources are its Compile items and whose explicit
/// dependencies are the project file and the outputs of the projects it references; <c>default</c>
/// lists every output. A project with a path the manifest cannot hold (white space) is a failure.
/// </summary>
internal static class ImportManifestWriter
{
    private const string Builder = "Command";

    public static WrittenManifest Write(string manifestPath, string inputPath, IReadOnlyList<ImportedProject> projects, List<MsBuildImportFailure> failures)
    {
        var inputDirectory = Directory.Exists(inputPath) ? inputPath : Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var root = ManifestPaths.CommonDirectory(inputDirectory, projects.SelectMany(AllPaths));
        var accepted = Accept(root, projects, failures);
        var ordered = DependenciesFirst(accepted);
        var outputs = ordered.ToDictionary(p => p.Source.ProjectPath, p => p.Output, ManifestPaths.Comparer);

        var references = 0;
        var compileItems = 0;
        using var text = new StreamWriter(manifestPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        using var writer = new ManifestWriter(text);
        var rootToken = ManifestPaths.RootToken(Path.GetDirectoryName(manifestPath)!, root);
        if (rootToken is not null)
        {
            writer.Root(rootToken);
        }

        writer.Comment($"imported by toolkit import-msbuild from {Path.GetFullPath(inputPath)}\nroot: {root}\nevery project builds its assembly with the Command builder; COMMAND says how it would be built");
        foreach (var project in ordered)
        {
            writer.BlankLine();
            if (project.Source.TargetFrameworks.Length > 0)
            {
                writer.Comment($"{project.ProjectFile} is multi-targeted ({project.Source.TargetFrameworks}): imported for {project.Source.TargetFramework}, the first listed");
            }

            var depends = new List<string>(1 + project.Source.References.Count) { project.ProjectFile };
            foreach (var reference in project.Source.References)
            {
                if (outputs.TryGetValue(reference, out var output))
                {
                    depends.Add(output);
                    references++;
                }
                else
                {
                    writer.Comment($"{project.ProjectFile}: reference to {reference} left out (that project failed to import)");
                }
            }

            compileItems += project.CompileItems.Count;
            writer.Build([project.Output], Builder, project.CompileItems, depends, overrides: [new("COMMAND", Command(project))]);
        }

        writer.BlankLine();
        if (ordered.Count > 0)
        {
            writer.Default([.. ordered.Select(p => p.Output)]);
        }

        writer.End();

        return new WrittenManifest(root, ordered.Count, references, compileItems, [.. ordered.Select(p => p.Source.ProjectPath)]);
    }

    private static IEnumerable<string> AllPaths(ImportedProject project) =>
        project.CompileItems.Append(project.ProjectPath).Append(project.TargetPath);

    private static List<ManifestProject> Accept(string root, IReadOnlyList<ImportedProject> projects, List<MsBuildImportFailure> failures)
    {
        var accepted = new List<ManifestProject>(projects.Count);
        var producers = new Dictionary<string, string>(ManifestPaths.Comparer);
        foreach (var project in projects)
        {
            var projectFile = ManifestPaths.Relative(root, project.ProjectPath);
            var output = ManifestPaths.Relative(root, project.TargetPath);
            var compileItems = project.CompileItems.Select(path => ManifestPaths.Relative(root, path)).ToList();
            var invalid = compileItems.Prepend(output).Prepend(projectFile).FirstOrDefault(path => !ManifestWriter.IsValidPath(path));
            if (invalid is not null)
            {
                failures.Add(new MsBuildImportFailure(project.ProjectPath, $"path '{invalid}' contains white space or a reserved token, which a manifest path cannot hold"));
            }
            else if (producers.TryGetValue(output, out var other))
            {
                failures.Add(new MsBuildImportFailure(project.ProjectPath, $"its output {output} is already the output of {other}"));
            }
            else
            {
                producers.Add(output, project.ProjectPath);
                accepted.Add(new ManifestProject(project, projectFile, output, compileItems));
            }
        }

        return accepted;
    }

    /// <summary>Sorted by project file, then each project after the projects it references (a reference cycle is left to the engine to report).</summary>
    private static List<ManifestProject> DependenciesFirst(List<ManifestProject> projects)
    {
        var byPath = projects.ToDictionary(p => p.Source.ProjectPath, ManifestPaths.Comparer);
        var placed = new HashSet<string>(ManifestPaths.Comparer);
        var ordered = new List<ManifestProject>(projects.Count);
        var stack = new Stack<(ManifestProject Project, int Next)>();
        foreach (var start in projects.OrderBy(p => p.ProjectFile, StringComparer.Ordinal))
        {
            if (!placed.Add(start.Source.ProjectPath))
            {
                continue;
            }

            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (project, next) = stack.Pop();
                var references = project.Source.References;
                if (next < references.Count)
                {
                    stack.Push((project, next + 1));
                    if (byPath.TryGetValue(references[next], out var child) && placed.Add(child.Source.ProjectPath))
                    {
                        stack.Push((child, 0));
                    }
                }
                else
                {
                    ordered.Add(project);
                }
            }
        }

        return ordered;
    }

    private static string Command(ManifestProject project)
    {
        var framework = project.Source.TargetFramework.Length > 0 ? $" --framework {project.Source.TargetFramework}" : "";
        // '$' starts a substitution in manifest values; a literal one is written '$$'.
        return $"dotnet build {project.ProjectFile} --no-restore --no-dependencies{framework}".Replace("$", "$$", StringComparison.Ordinal);
    }
}
