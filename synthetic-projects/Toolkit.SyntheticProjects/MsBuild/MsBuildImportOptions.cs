namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// What <see cref="MsBuildImporter.Import"/> reads and where it writes: the input (a .sln/.slnx,
/// a project file or a folder of projects), the output directory for <c>toolkit.manifest</c>, the
/// per-project evaluation time limit and whether MSBuild's NuGet SDK resolver is on.
/// </summary>
public sealed record MsBuildImportOptions
{
    /// <summary>
    /// How long one project's evaluation may take before it is reported as a failure and left
    /// behind. A warm evaluation of an SDK-style project takes well under a second and the first
    /// one in a process (SDK resolution, loading MSBuild) a few seconds; half a minute leaves a wide
    /// margin for slow disks while still bounding a project whose SDK or feed never answers.
    /// </summary>
    public static readonly TimeSpan DefaultEvaluationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates options for an input path and an output directory.</summary>
    public MsBuildImportOptions(string inputPath, string outputDirectory)
    {
        InputPath = inputPath;
        OutputDirectory = outputDirectory;
    }

    /// <summary>A .sln or .slnx file, a .csproj/.fsproj/.vbproj file, or a folder searched for project files.</summary>
    public string InputPath { get; init; }

    /// <summary>The directory that receives <c>toolkit.manifest</c> (created when missing).</summary>
    public string OutputDirectory { get; init; }

    /// <summary>The per-project evaluation time limit (see <see cref="DefaultEvaluationTimeout"/>).</summary>
    public TimeSpan EvaluationTimeout { get; init; } = DefaultEvaluationTimeout;

    /// <summary>
    /// False (the default): MSBuild's NuGet SDK resolver is on, so an SDK named with a version
    /// (<c>Sdk="Name/1.2.3"</c>, global.json <c>msbuild-sdks</c>) resolves from the global packages
    /// folder (NUGET_PACKAGES, or NuGet.config's globalPackagesFolder) and, when it is not there,
    /// from the configured feeds; <see cref="EvaluationTimeout"/> bounds a project whose feed never
    /// answers. True: sets <c>MSBUILDDISABLENUGETSDKRESOLVER=1</c> for this process before the first
    /// evaluation, so such a project fails at once, by name, without looking anywhere. The resolver
    /// reads the variable once per process, so the first import in a process decides.
    /// </summary>
    public bool Offline { get; init; }
}
