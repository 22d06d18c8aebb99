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
        var projects = new HashSet<int>();
        for (var i = 0; i < results.Projects.Count; i++)
        {
            var p = results.Projects[i];
            Require(p is not null, name, $"projects[{i}]", "is null");
            Require(p!.Sources > 0, name, $"projects[{i}].sources", $"must be positive, is {p.Sources}");
            Require(p.Nodes > 0, name, $"projects[{i}].nodes", $"must be positive, is {p.Nodes}");
            Require(projects.Add(p.Sources), name, $"projects[{i}].sources", $"size {p.Sources} appears twice");
        }

        for (var i = 0; i < results.Runs.Count; i++)
        {
            var run = results.Runs[i];
            var at = $"runs[{i}]";
            Require(run is not null && run.Footprint is not null, name, at, "is null or has no footprint");
            Require(run!.Variant is not null && IsSafeName(run.Variant), name, $"{at}.variant", $"'{run.Variant}' is not a variant name (letters, digits, '.', '_', '-'; 64 at most): it names a page file");
            Require(projects.Contains(run.Sources), name, $"{at}.sources", $"no project of {run.Sources} sources in 'projects'");
            var f = run.Footprint!;
            Require(f.Nodes > 0, name, $"{at}.footprint.nodes", $"must be positive, is {f.Nodes}");
            Require(f.PeakRssBytes > 0, name, $"{at}.footprint.peakRssBytes", $"must be positive, is {f.PeakRssBytes}");
            Finite(f.BytesPerNode, name, $"{at}.footprint.bytesPerNode");
            Finite(f.BytesPerNodeAfterLoad, name, $"{at}.footprint.bytesPerNodeAfterLoad");
            Positive(f.LoadSeconds, name, $"{at}.footprint.loadSeconds");
            Positive(f.NullBuildSeconds, name, $"{at}.footprint.nullBuildSeconds");
        }

        var peerSizes = new HashSet<(string, int)>();
        for (var i = 0; i < results.Peers.Count; i++)
        {
            var peer = results.Peers[i];
            var at = $"peers[{i}]";
            Require(peer is not null, name, at, "is null");
            Require(peer!.Tool is not null && IsSafeName(peer.Tool), name, $"{at}.tool", $"'{peer.Tool}' is not a tool name (letters, digits, '.', '_', '-'; 64 at most)");
            Require(projects.Contains(peer.Sources), name, $"{at}.sources", $"no project of {peer.Sources} sources in 'projects'");
            Require(peerSizes.Add((peer.Tool!, peer.Sources)), name, at, $"a second record of {peer.Tool} at {peer.Sources} sources");
            Require(peer.SkippedBecause is not null || peer.Runs.Count > 0, name, $"{at}.runs", "is empty but the peer was not skipped");
            for (var j = 0; j < peer.Runs.Count; j++)
            {
                Require(peer.Runs[j] is not null && peer.Runs[j].PeakRssBytes > 0, name, $"{at}.runs[{j}].peakRssBytes", "must be positive");
                Positive(peer.Runs[j].WallSeconds, name, $"{at}.runs[{j}].wallSeconds");
            }
        }
    }

    /// <summary>True for a name fit for a file name on every system: 1 to 64 ASCII letters, digits, '.', '_' or '-', not starting with '.' or '-'.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= MaximumNameLength && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

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
