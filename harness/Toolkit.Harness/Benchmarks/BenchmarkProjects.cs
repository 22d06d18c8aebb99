using System.Globalization;
using Toolkit.Engine.Build;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// The generated projects benchmarks load: c-libraries, seed 1, in a temp folder, generated once
/// and reused while <see cref="ProjectGenerator.IsUpToDate"/> says they match.
/// </summary>
public static class BenchmarkProjects
{
    /// <summary>The directory of a project with <paramref name="sources"/> sources, generated when missing or stale.</summary>
    public static string Get(int sources)
    {
        var directory = Path.Combine(Path.GetTempPath(), "toolkit-bench", "projects", string.Create(CultureInfo.InvariantCulture, $"c-libraries-{sources}-seed1"));
        var options = new GeneratorOptions(ProjectShape.CLibraries, sources, 1, directory);
        if (!ProjectGenerator.IsUpToDate(options))
        {
            ProjectGenerator.Generate(options);
        }

        return directory;
    }

    /// <summary>Opens a project with a variant's settings, quietly.</summary>
    public static Project Open(string directory, EngineSettings settings) =>
        Project.Open(directory, settings, new NullBuildReporter { KeepCommands = false });
}
