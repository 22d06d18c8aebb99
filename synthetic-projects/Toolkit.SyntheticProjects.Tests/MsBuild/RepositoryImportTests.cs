using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class RepositoryImportTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "toolkit-msbuild-repo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void This_repository_imports_every_project_of_Toolkit_sln_without_failures()
    {
        var solution = FindToolkitSolution();
        var listed = File.ReadAllLines(solution)
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal) && line.Contains(".csproj", StringComparison.Ordinal))
            .Select(line => line.Split('"')[5].Replace('\\', '/'))
            .ToList();

        var result = Importing.Run(new MsBuildImportOptions(solution, _output));

        Assert.Empty(result.Failures);
        Assert.Equal(Path.GetDirectoryName(solution), result.RootDirectory);
        var manifest = ParsedManifest.Read(result.ManifestPath);
        var projectFiles = manifest.Builds.Select(build => build.Depends[0]).ToList();
        Assert.All(listed, project => Assert.Contains(project, projectFiles));
        Assert.Contains("synthetic-projects/Toolkit.SyntheticProjects/MsBuild/MsBuildImporter.cs", manifest.BuildOf("synthetic-projects/Toolkit.SyntheticProjects/bin/Debug/net10.0/Toolkit.SyntheticProjects.dll").Sources);
        Assert.Contains("engine/Toolkit.Engine/bin/Debug/net10.0/Toolkit.Engine.dll", manifest.BuildOf("synthetic-projects/Toolkit.SyntheticProjects/bin/Debug/net10.0/Toolkit.SyntheticProjects.dll").Depends);
        Assert.True(result.Graph.DirectEdges >= listed.Count / 2, $"only {result.Graph.DirectEdges} direct edges among {listed.Count} projects");
        Assert.Equal(result.Graph.Edges, result.Edges);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static string FindToolkitSolution()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Toolkit.sln");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no Toolkit.sln above {AppContext.BaseDirectory}");
    }
}
