namespace Toolkit.Harness.Results;

/// <summary>
/// Checks the values of a parsed results file that the pages and the comparison divide by, take
/// logarithms of or look up: every message names the file and the JSON path.
/// </summary>
public static class ResultsValidator
{
    /// <summary>Longest variant or tool name: names become file names and legend entries.</summary>
    public const int MaximumNameLength = 64;

    /// <summary>Throws a <see cref="ResultsFileException"/> at the first problem.</summary>
    public static void Validate(ScaleResults results, string name)
    {
        ArgumentNullException.ThrowIfNull(results);
        ValidateProject(results, name);
        var projects = new HashSet<(int, int)>();
        for (var i = 0; i < results.Projects.Count; i++)
        {
            var p = results.Projects[i];
            Require(p is not null, name, $"projects[{i}]", "is null");
            Require(p!.Sources > 0, name, $"projects[{i}].sources", $"must be positive, is {p.Sources}");
            Require(p.Nodes > 0, name, $"projects[{i}].nodes", $"must be positive, is {p.Nodes}");
            Require(p.LargeFiles >= 0, name, $"projects[{i}].largeFiles", $"must be 0 or more, is {p.LargeFiles}");
            Require(projects.Add((p.Sources, p.LargeFiles)), name, $"projects[{i}].sources", p.LargeFiles == 0 ? $"size {p.Sources} appears twice" : $"size {p.Sources} with {p.LargeFiles} large files appears twice");
        }

        for (var i = 0; i < results.Runs.Count; i++)
        {
            ValidateRun(results.Runs[i], projects, name, $"runs[{i}]");
        }

        var peerSizes = new HashSet<(string, int)>();
        for (var i = 0; i < results.Peers.Count; i++)
        {
            var peer = results.Peers[i];
            var at = $"peers[{i}]";
            Require(peer is not null, name, at, "is null");
            Require(peer!.Tool is not null && IsSafeName(peer.Tool), name, $"{at}.tool", $"'{peer.Tool}' is not a tool name (letters, digits, '.', '_', '-'; 64 at most)");
            Require(projects.Contains((peer.Sources, 0)), name, $"{at}.sources", $"no project of {peer.Sources} sources in 'projects'");
            Require(peerSizes.Add((peer.Tool!, peer.Sources)), name, at, $"a second record of {peer.Tool} at {peer.Sources} sources");
            Require(peer.SkippedBecause is not null || peer.Runs.Count > 0, name, $"{at}.runs", "is empty but the peer was not skipped");
            for (var j = 0; j < peer.Runs.Count; j++)
            {
                Require(peer.Runs[j] is not null && peer.Runs[j].PeakRssBytes > 0, name, $"{at}.runs[{j}].peakRssBytes", "must be positive");
                Positive(peer.Runs[j].WallSeconds, name, $"{at}.runs[{j}].wallSeconds");
            }
        }

        var processKeys = new HashSet<(string, string?, int, int, string)>();
        for (var i = 0; i < (results.Processes?.Count ?? 0); i++)
        {
            ValidateProcess(results.Processes![i], projects, processKeys, name, $"processes[{i}]");
        }
    }

    /// <summary>True for a name fit for a file name on every system: 1 to 64 ASCII letters, digits, '.', '_' or '-', not starting with '.' or '-'.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= MaximumNameLength && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static void ValidateRun(RunRecord run, HashSet<(int, int)> projects, string name, string at)
    {
        Require(run is not null && run.Footprint is not null, name, at, "is null or has no footprint");
        Require(run!.Variant is not null && IsSafeName(run.Variant), name, $"{at}.variant", $"'{run.Variant}' is not a variant name (letters, digits, '.', '_', '-'; 64 at most): it names a page file");
        Require(projects.Contains((run.Sources, run.LargeFiles)), name, $"{at}.sources", $"no project of {run.Sources} sources{LargeFilesText(run.LargeFiles)} in 'projects'");
        var f = run.Footprint!;
        Require(f.Nodes > 0, name, $"{at}.footprint.nodes", $"must be positive, is {f.Nodes}");
        Require(f.PeakRssBytes > 0, name, $"{at}.footprint.peakRssBytes", $"must be positive, is {f.PeakRssBytes}");
        Finite(f.BytesPerNode, name, $"{at}.footprint.bytesPerNode");
        Finite(f.BytesPerNodeAfterLoad, name, $"{at}.footprint.bytesPerNodeAfterLoad");
        Positive(f.LoadSeconds, name, $"{at}.footprint.loadSeconds");
        Positive(f.NullBuildSeconds, name, $"{at}.footprint.nullBuildSeconds");
        foreach (var (gc, field) in new[] { (f.LoadGc, "loadGc"), (f.BuildGc, "buildGc") })
        {
            Require(gc is null || (gc.Generations is not null && gc.HeapSizeBytes >= 0 && gc.FragmentedBytes >= 0 && gc.CommittedBytes >= 0), name, $"{at}.footprint.{field}", "has a negative size or no generations");
        }
    }

    private static void ValidateProcess(ProcessRecord record, HashSet<(int, int)> projects, HashSet<(string, string?, int, int, string)> keys, string name, string at)
    {
        Require(record is not null, name, at, "is null");
        Require(record!.Tool is not null && IsSafeName(record.Tool), name, $"{at}.tool", $"'{record.Tool}' is not a tool name (letters, digits, '.', '_', '-'; 64 at most)");
        Require(record.Variant is null || IsSafeName(record.Variant), name, $"{at}.variant", $"'{record.Variant}' is not a variant name (letters, digits, '.', '_', '-'; 64 at most)");
        Require(record.Operation is not null && ProcessOperations.All.Contains(record.Operation), name, $"{at}.operation", $"'{record.Operation}' is not one of {string.Join(", ", ProcessOperations.All)}");
        Require(projects.Contains((record.Sources, record.LargeFiles)), name, $"{at}.sources", $"no project of {record.Sources} sources{LargeFilesText(record.LargeFiles)} in 'projects'");
        Require(keys.Add((record.Tool!, record.Variant, record.Sources, record.LargeFiles, record.Operation!)), name, at, $"a second record of {record.Tool} {record.Variant} {record.Operation} at {record.Sources} sources");
        Require(record.Runs is not null && (record.SkippedBecause is not null || record.Runs.Count > 0), name, $"{at}.runs", "is empty but the tool was not skipped");
        for (var j = 0; j < record.Runs!.Count; j++)
        {
            var run = record.Runs[j];
            Require(run is not null && run.PeakRssBytes > 0, name, $"{at}.runs[{j}].peakRssBytes", "must be positive");
            Positive(run!.WallSeconds, name, $"{at}.runs[{j}].wallSeconds");
            Require(double.IsFinite(run.UserSeconds) && run.UserSeconds >= 0 && double.IsFinite(run.SystemSeconds) && run.SystemSeconds >= 0, name, $"{at}.runs[{j}]", "CPU times must be finite and 0 or more");
        }
    }

    private static void ValidateProject(ScaleResults results, string name)
    {
        Require(results.Options is not null, name, "options", "is missing");
        if (results.Project is not { } p)
        {
            Require(results.Options!.Shape is not null && results.Options.Seed is not null, name, "options.shape", "is null but the file names no imported 'project'");
            return;
        }

        Require(!string.IsNullOrEmpty(p.Path) && p.Importer is not null && IsSafeName(p.Importer), name, "project", "has no path or no importer name");
        Require(p.Nodes > 0 && p.Edges >= 0 && p.Sources >= 0 && p.MissingInputs >= 0, name, "project.nodes", "counts must be positive (nodes) or 0 or more");
        Require(results.Projects.Count == 1 && results.Projects[0] is { LargeFiles: 0 }, name, "projects", $"an imported project is one point, without large files; {results.Projects.Count} points");
    }

    private static string LargeFilesText(int largeFiles) => largeFiles > 0 ? $" with {largeFiles} large files" : string.Empty;

    private static void Finite(double value, string name, string at) =>
        Require(double.IsFinite(value), name, at, $"must be a finite number, is {value}");

    private static void Positive(double value, string name, string at) =>
        Require(double.IsFinite(value) && value > 0, name, at, $"must be a positive number, is {value}");

    private static void Require(bool condition, string name, string at, string problem)
    {
        if (!condition)
        {
            throw new ResultsFileException($"{name}: {at}: {problem}");
        }
    }
}
