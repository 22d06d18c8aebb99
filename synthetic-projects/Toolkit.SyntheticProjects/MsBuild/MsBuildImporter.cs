using System.Diagnostics;
using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Imports an MSBuild tree (solution, project file or folder of projects) as a build manifest for
/// the engine, as MSBuild's static graph (ProjectGraph) sees it: one node per project and framework
/// plus outer builds, direct and transitive edges, Compile items as sources, each node's TargetPath
/// its output. Evaluates only (never restores or builds); a project that fails or hangs in
/// evaluation is reported by name and the rest imported; a ProjectReference cycle is refused.
/// Memory: the evaluated projects are held until the graph is built (as ProjectGraph holds them),
/// then reduced to path lists; the manifest is streamed to disk.
/// </summary>
public static class MsBuildImporter
{
    /// <summary>Imports <see cref="MsBuildImportOptions.InputPath"/> into <see cref="MsBuildImportOptions.OutputDirectory"/>/toolkit.manifest.</summary>
    /// <exception cref="MsBuildImportException">The input is missing or of another kind, or the graph has a cycle.</exception>
    public static MsBuildImportResult Import(MsBuildImportOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var input = Path.GetFullPath(options.InputPath);
        var isFolder = Directory.Exists(input);
        if (!isFolder && !File.Exists(input))
        {
            throw new MsBuildImportException($"import-msbuild: input '{input}' does not exist");
        }

        if (!isFolder && !EntryProjectFinder.IsSolutionFile(input) && !EntryProjectFinder.IsProjectFile(input))
        {
            throw new MsBuildImportException($"import-msbuild: input '{input}' is not a solution (.sln, .slnx), a project file (.csproj, .fsproj, .vbproj) or a folder");
        }

        if (options.Offline)
        {
            MsBuildRegistration.KeepOffline();
        }

        MsBuildRegistration.DisableNodeReuse();
        MsBuildRegistration.EnsureRegistered();
        var entries = isFolder ? EntryProjectFinder.FindInFolder(input)
            : EntryProjectFinder.IsSolutionFile(input) ? SolutionProjectLister.List(input)
            : [input];
        progress?.Report($"{entries.Count} entry projects in {input}");

        var graph = StaticGraphLoader.Load(entries, options.EvaluationTimeout, progress);
        var failures = new List<MsBuildImportFailure>();
        Directory.CreateDirectory(options.OutputDirectory);
        var manifestPath = Path.Combine(Path.GetFullPath(options.OutputDirectory), ManifestWriter.FileName);
        var written = ImportManifestWriter.Write(manifestPath, input, graph, failures);
        progress?.Report($"wrote {manifestPath}: {written.Nodes} nodes, {failures.Count} failures");
        return new MsBuildImportResult
        {
            ManifestPath = manifestPath,
            RootDirectory = written.Root,
            Graph = graph.Figures(),
            Nodes = written.Nodes,
            Edges = written.Edges,
            Dependencies = written.Dependencies,
            CompileItems = written.CompileItems,
            ImportedProjects = written.ImportedProjects,
            StaticGraph = graph,
            Failures = failures,
            Elapsed = stopwatch.Elapsed,
        };
    }
}
