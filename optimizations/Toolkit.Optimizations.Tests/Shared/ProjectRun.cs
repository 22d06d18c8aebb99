using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>One generated project built again and again with one variant's settings, as the CLI would.</summary>
internal sealed class ProjectRun
{
    public ProjectRun(GeneratedProject generated, EngineSettings settings)
    {
        Generated = generated;
        Settings = settings;
        generated.WriteFiles(Files);
    }

    public GeneratedProject Generated { get; }

    public EngineSettings Settings { get; }

    public MemoryFileSystem Files { get; } = new();

    public Project Open() =>
        Project.Open(new StringReader(Generated.Manifest), "generated.manifest", Files, "/project", Settings, new NullBuildReporter());

    /// <summary>Opens and builds the defaults with -j <paramref name="jobs"/>; returns the project and the commands that ran (sorted when jobs &gt; 1).</summary>
    public (Project Project, List<string> Commands) Build(int jobs = 1)
    {
        var reporter = new NullBuildReporter();
        var project = Project.Open(new StringReader(Generated.Manifest), "generated.manifest", Files, "/project", Settings, reporter);
        var result = project.Build(null, new BuildOptions { Jobs = jobs }, new BuiltinToolExecutor());
        Assert.True(result.Succeeded, $"{Settings.VariantName}: the build failed");
        var commands = reporter.Commands.ToList();
        if (jobs > 1)
        {
            commands.Sort(StringComparer.Ordinal);
        }

        return (project, commands);
    }

    /// <summary>The saved signature database's bytes.</summary>
    public byte[] Database() => Files.ReadAllBytes(Project.DatabaseFileName);
}
