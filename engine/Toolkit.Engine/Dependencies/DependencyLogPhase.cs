using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// How a <see cref="Project"/> uses its dependency log: loaded before the scan (a damaged log is one
/// warning and a full scan), consulted through a <see cref="DependencyLogScanCache"/>, and saved with
/// the signature database after a build that is not a dry run, only when it changed; an open whose build
/// will not save (<see cref="EngineSettings.ReadOnly"/>) consults it and records nothing. The exact scan
/// mode does not use it (it evaluates each translation unit with its macros; the log holds per-file
/// parses of the conservative mode) and leaves the file alone.
/// </summary>
internal static class DependencyLogPhase
{
    /// <summary>The cache for this open's scan, or null when the settings turn the log off or the scan is exact.</summary>
    public static DependencyLogScanCache? Start(BuildGraph graph, IFileSystem fileSystem, EngineSettings settings, IBuildReporter reporter, out CheckedFileStatus? status)
    {
        status = null;
        if (!settings.DependencyLog || (settings.ScanMode ?? ScanPhase.ModeOf(graph)) != ScanMode.Conservative)
        {
            return null;
        }

        var loaded = DependencyLog.Load(fileSystem, DependencyLog.FileName);
        status = loaded.Status;
        if (loaded.Warning is { } warning)
        {
            reporter.Warning(warning);
        }

        return new DependencyLogScanCache(settings.ScanCacheFactory(), loaded.Log, record: !settings.ReadOnly);
    }

    /// <summary>Writes a pending log; a failure is a warning (the log is a cache: the next open scans again).</summary>
    public static void Save(IFileSystem fileSystem, PayloadWriter payload, IBuildReporter reporter)
    {
        try
        {
            DependencyLog.Save(fileSystem, DependencyLog.FileName, payload);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            reporter.Warning($"could not save the dependency log {DependencyLog.FileName}: {exception.Message} (the next build scans every source again)");
        }
        finally
        {
            payload.Dispose();
        }
    }
}
