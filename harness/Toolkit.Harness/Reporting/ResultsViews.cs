using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// The parts of a results file the pages analyse separately, each as a <see cref="ScaleResults"/> that
/// <see cref="ScaleAnalysis"/> can index: the ordinary sizes with only the counted runs (warm-ups
/// left out), and the large-files point. A schema-2 file's peers are its peers' dry runs, so pages
/// written for schema 1 read both alike.
/// </summary>
public static class ResultsViews
{
    /// <summary>The ordinary sizes (no large files), counted runs only; peers as dry-run records.</summary>
    public static ScaleResults Ordinary(ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Point(results, largeFiles => largeFiles == 0);
    }

    /// <summary>The large-files point (counted runs only), or null when the run has none.</summary>
    public static ScaleResults? LargeFiles(ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Projects.Any(p => p.LargeFiles > 0) ? Point(results, largeFiles => largeFiles > 0) : null;
    }

    /// <summary>The large files of the large-files point, or 0.</summary>
    public static int LargeFileCount(ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Projects.Select(p => p.LargeFiles).FirstOrDefault(k => k > 0);
    }

    /// <summary>The peers of a file as schema 1 records them: from schema 2's processes, each peer's counted dry runs.</summary>
    public static IReadOnlyList<PeerRecord> PeerDryRuns(ScaleResults results, Func<int, bool> largeFiles)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(largeFiles);
        if (results.Processes is null)
        {
            return results.Peers;
        }

        return results.Processes
            .Where(p => p.Tool != ProcessRecord.EngineTool && p.Operation == ProcessOperations.DryRun && largeFiles(p.LargeFiles))
            .Select(p => new PeerRecord(p.Tool, p.Sources, p.Command, p.SkippedBecause, p.Counted.Select(r => new PeerRun(r.PeakRssBytes, r.WallSeconds)).ToArray()))
            .Select(p => p.SkippedBecause is null && p.Runs.Count == 0 ? p with { SkippedBecause = "no counted run" } : p)
            .ToArray();
    }

    private static ScaleResults Point(ScaleResults results, Func<int, bool> largeFiles) => results with
    {
        Projects = results.Projects.Where(p => largeFiles(p.LargeFiles)).ToArray(),
        Runs = results.Runs.Where(r => !r.Warmup && largeFiles(r.LargeFiles)).ToArray(),
        Peers = PeerDryRuns(results, largeFiles),
        Processes = results.Processes?.Where(p => largeFiles(p.LargeFiles)).ToArray(),
    };
}
