using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Small results in code for tests that need a particular shape of data.</summary>
internal sealed class ResultsBuilder
{
    private readonly List<ProjectRecord> _projects = [];
    private readonly List<RunRecord> _runs = [];
    private readonly List<PeerRecord> _peers = [];
    private readonly List<ProcessRecord> _processes = [];
    private int _sequence;

    public ResultsBuilder Project(int sources, long nodes, int largeFiles = 0)
    {
        _projects.Add(new ProjectRecord(sources, nodes, nodes * 2, nodes / 10, nodes / 2, 0.1, false, largeFiles));
        return this;
    }

    /// <summary>One run per value of <paramref name="bytesPerNode"/>, with the matching load and null-build times; <paramref name="warmup"/> adds an uncounted first run with these bytes.</summary>
    public ResultsBuilder Runs(string variant, int sources, double[] bytesPerNode, double load = 1.0, double nullBuild = 1.0, long peakRss = 100_000_000, double? warmup = null, int largeFiles = 0)
    {
        var nodes = (int)_projects.Single(p => p.Sources == sources && p.LargeFiles == largeFiles).Nodes;
        if (warmup is { } cold)
        {
            _runs.Add(new RunRecord(sources, variant, 0, _sequence++, Footprint(variant, nodes, cold, load * 2, nullBuild * 2, peakRss), Warmup: true, LargeFiles: largeFiles));
        }

        for (var i = 0; i < bytesPerNode.Length; i++)
        {
            var jitter = 1 + (0.001 * i);
            _runs.Add(new RunRecord(sources, variant, i + 1, _sequence++, Footprint(variant, nodes, bytesPerNode[i], load * jitter, nullBuild * jitter, (long)(peakRss * jitter)), LargeFiles: largeFiles));
        }

        return this;
    }

    /// <summary>A whole-process record of <paramref name="tool"/> (variant or null for a peer) with one counted run per (rss, wall) pair and an optional warm-up run.</summary>
    public ResultsBuilder Process(string tool, string? variant, int sources, string operation, double[] peakRss, double[] wall, (double Rss, double Wall)? warmup = null, int largeFiles = 0)
    {
        var runs = new List<ProcessRun>();
        if (warmup is { } w)
        {
            runs.Add(new ProcessRun(0, _sequence++, true, (long)w.Rss, w.Wall, 0.1, 0.1));
        }

        runs.AddRange(peakRss.Zip(wall).Select((p, i) => new ProcessRun(i + 1, _sequence++, false, (long)p.First, p.Second, 0.1, 0.1)));
        _processes.Add(new ProcessRecord(tool, variant, sources, largeFiles, operation, tool + " build", null, runs));
        return this;
    }

    /// <summary>The engine's variant doing every operation with the same runs.</summary>
    public ResultsBuilder Engine(string variant, int sources, double[] peakRss, double[] wall, (double Rss, double Wall)? warmup = null, int largeFiles = 0)
    {
        foreach (var operation in ProcessOperations.All)
        {
            Process(ProcessRecord.EngineTool, variant, sources, operation, peakRss, wall, warmup, largeFiles);
        }

        return this;
    }

    public ResultsBuilder Peer(string tool, int sources, long peakRss, double seconds)
    {
        _peers.Add(new PeerRecord(tool, sources, tool + " -n", null, [new PeerRun(peakRss, seconds), new PeerRun(peakRss + 1000, seconds * 1.01), new PeerRun(peakRss - 1000, seconds * 0.99)]));
        return this;
    }

    public ResultsBuilder SkippedPeer(string tool, int sources, string reason)
    {
        _peers.Add(new PeerRecord(tool, sources, tool + " -n", reason, []));
        return this;
    }

    public ScaleResults Build() => new()
    {
        SchemaVersion = ScaleResults.CurrentSchemaVersion,
        CreatedUtc = "2026-01-01T00:00:00Z",
        Toolkit = new ToolkitInfo("0.0.0", "0000000"),
        Machine = new MachineInfo("test cpu", 2, 1L << 34, "test os", "10.0.0"),
        Options = new ScaleOptionsRecord("c-libraries", 1, _projects.Select(p => p.Sources).Distinct().ToArray(), _runs.Select(r => r.Variant).Distinct().ToArray(), 5, "auto", false, Warmup: 1, Order: "williams"),
        Projects = _projects,
        Runs = _runs,
        Peers = _peers,
        Processes = _processes.Count == 0 ? null : _processes,
    };

    private static FootprintRecord Footprint(string variant, int nodes, double bytesPerNode, double load, double nullBuild, long peakRss) => new()
    {
        Variant = variant,
        Nodes = nodes,
        Edges = nodes * 2,
        RetainedBytesAfterLoad = (long)(bytesPerNode * nodes * 0.9),
        RetainedBytesAfterBuild = (long)(bytesPerNode * nodes),
        BytesPerNode = bytesPerNode,
        BytesPerNodeAfterLoad = bytesPerNode * 0.9,
        AllocatedBytes = nodes * 3000L,
        PeakRssBytes = peakRss,
        RssBytes = peakRss,
        Gen0Collections = 3,
        Gen1Collections = 1,
        Gen2Collections = 1,
        GcPauseSeconds = 0.01,
        LoadSeconds = load,
        BuildSeconds = 0.5,
        ActionsRun = 10,
        NullBuildSeconds = nullBuild,
        DryRun = false,
    };
}
