namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// What <see cref="MsBuildImporter.Import"/> reads and where it writes: the input (a .sln/.slnx,
/// a project file or a folder of projects), the output directory for <c>toolkit.manifest</c>, the
/// per-project evaluation time limit and whether MSBuild's NuGet SDK resolver may go online.
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
    /// When true (the default), sets <c>MSBUILDDISABLENUGETSDKRESOLVER=1</c> for this process before
    /// the first evaluation, so an SDK named with a version (<c>Sdk="Name/1.2.3"</c>) or listed in
    /// global.json's <c>msbuild-sdks</c> is never restored from a package feed: such a project fails
    /// at once, by name, instead of waiting on the network. The resolver reads the variable once per
    /// process, so the first import in a process decides.
    /// </summary>
    public bool DisableNuGetSdkResolver { get; init; } = true;
}
