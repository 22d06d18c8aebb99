using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>Runs an import under a generous overall bound, a safety net so a hang fails the test instead of stalling the run.</summary>
public static class Importing
{
    // Several minutes: far above a normal import (seconds), only there to turn a hang into a failure.
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(5);

    public static MsBuildImportResult Run(MsBuildImportOptions options) =>
        Task.Run(() => MsBuildImporter.Import(options)).WaitAsync(SafetyNet).GetAwaiter().GetResult();
}
