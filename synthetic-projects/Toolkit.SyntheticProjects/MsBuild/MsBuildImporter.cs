using System.Diagnostics;
using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Imports an MSBuild tree (solution, project file or folder of projects) as a build manifest for
/// the engine: projects and their Compile items become nodes, each project's assembly a derived
/// node, ProjectReferences dependencies between assemblies. Evaluates only (never restores or
/// builds); a project that fails or hangs in evaluation is reported by name and the rest imported.
/// Memory: the evaluated projects are held until the import ends (as a ProjectGraph would), then
/// reduced to path lists; the manifest is streamed to disk.
/// </summary>
public static class MsBuildImporter
{
    /// <summary>Imports <see cref="MsBuildImportOptions.InputPath"/> into <see cref="MsBuildImportOptions.OutputDirectory"/>/toolkit.manifest.</summary>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="ArgumentException">The input is neither a solution, a project file nor a folder.</exception>
    public static MsBuildImportResult Import(MsBuildImportOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var input = Path.GetFullPath(options.InputPath);
        var isFolder = Directory.Exists(input);
        if (!isFolder && !File.Exists(input))
        {
            throw new FileNotFoundException($"import-msbuild: input '{input}' does not exist", input);
        }

        if (!isFolder && !EntryProjectFinder.IsSolutionFile(input) && !EntryProjectFinder.IsProjectFile(input))
        {
            throw new ArgumentException($"import-msbuild: input '{input}' is not a solution (.sln, .slnx), a project file (.csproj, .fsproj, .vbproj) or a folder", nameof(options));
        }

        if (options.DisableNuGetSdkResolver)
        {
            MsBuildRegistration.KeepOffline();
        }

        MsBuildRegistration.EnsureRegistered();
        var entries = isFolder ? EntryProjectFinder.FindInFolder(input)
            : EntryProjectFinder.IsSolutionFile(input) ? SolutionProjectLister.List(input)
            : [input];
        progress?.Report($"{entries.Count} entry projects in {input}");

        var loaded = ProjectLoader.Load(entries, options.EvaluationTimeout, progress);
        var failures = new List<MsBuildImportFailure>(loaded.Failures);
        Directory.CreateDirectory(options.OutputDirectory);
        var manifestPath = Path.Combine(Path.GetFullPath(options.OutputDirectory), ManifestWriter.FileName);
        var written = ImportManifestWriter.Write(manifestPath, input, loaded.Projects, failures);
        progress?.Report($"wrote {manifestPath}: {written.Projects} projects, {failures.Count} failures");
        return new MsBuildImportResult
        {
            ManifestPath = manifestPath,
            RootDirectory = written.Root,
            Projects = written.Projects,
            ProjectReferences = written.ProjectReferences,
            CompileItems = written.CompileItems,
            ImportedProjects = written.ImportedProjects,
            Failures = failures,
            Elapsed = stopwatch.Elapsed,
        };
    }
}
